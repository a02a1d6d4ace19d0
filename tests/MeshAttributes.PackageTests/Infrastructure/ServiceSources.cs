namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>What a user writes into the `dotnet new web` service: a policy file and the template's Program.cs with attributes.</summary>
    internal static class ServiceSources
    {
        /// <summary>Service-wide policy that no rule objects to.</summary>
        public const string Policy = """
            using MeshAttributes;

            [assembly: MeshService("order-service")]
            [assembly: CircuitBreaker(Consecutive5xxErrors = 3, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
            [assembly: ConnectionPool(MaxConnections = 100, ConnectTimeout = "5s", MaxRetries = 3)]
            [assembly: LoadBalancer(LoadBalancerPolicy.LeastRequest)]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
            [assembly: Timeout("10s")]
            """;

        /// <summary>
        /// The template's Program.cs (top-level statements, <c>var app = builder.Build();</c>) with endpoint
        /// attributes: a timeout that fits the inherited retries (3 × 2s + 2 × 250ms ≤ 8s), a group, an idempotent POST.
        /// </summary>
        public const string Program = """
            using MeshAttributes;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapGet("/", () => "Hello World!");
            app.MapGet("/orders/{id}", [Timeout("8s")] (int id) => Results.Ok(id));
            app.MapPost("/orders", [Idempotent] () => Results.Accepted());

            var tracking = app.MapGroup("/tracking");
            tracking.MapGet("/{number}", [Retry(Attempts = 1, PerTryTimeout = "1s", RetryOn = "5xx,connect-failure")] (string number) => Results.Ok(number));

            app.Run();
            """;

        /// <summary>A POST retried on 5xx without [Idempotent]: valid for Istio, but it replays payments (MESH100).</summary>
        public const string UnsafeProgram = """
            using MeshAttributes;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapPost("/payments", [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx,connect-failure")] () => Results.Accepted());

            app.Run();
            """;

        /// <summary>"10 s" is not an Istio duration (MESH001): Istio would reject the VirtualService.</summary>
        public const string InvalidPolicy = """
            using MeshAttributes;

            [assembly: MeshService("order-service")]
            [assembly: ConnectionPool(MaxRetries = 3)]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
            [assembly: Timeout("10 s")]
            """;
    }
}
