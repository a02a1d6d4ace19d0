namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>
    /// The user's two files with known-bad attributes, each finding marked where its diagnostic must be: the argument
    /// that holds the bad value.
    /// </summary>
    internal static class IdeSources
    {
        /// <summary>A duration with a space (MESH001, an error) and permissive mutual TLS (MESH106).</summary>
        public const string Policy = """
            using MeshAttributes;

            [assembly: MeshService("order-service")]
            [assembly: ConnectionPool(MaxRetries = 3)]
            [assembly: MutualTls({|MESH106:MutualTlsMode.Permissive|})]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
            [assembly: Timeout({|MESH001:"10 s"|})]
            """;

        /// <summary>
        /// A POST retried on 5xx (MESH100), retries that cannot fit their timeout (MESH101), and a misspelt retry
        /// condition (MESH002, an error) that <see cref="Misspelling"/> names so a test can correct it.
        /// </summary>
        public const string Program = """
            using MeshAttributes;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.MapGet("/", () => "Hello World!");
            app.MapPost("/payments", [Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH100:RetryOn = "5xx,connect-failure"|})] () => Results.Accepted());
            app.MapGet("/orders/{id}", [Retry({|MESH101:Attempts = 3|}, PerTryTimeout = "2s", RetryOn = "connect-failure")] [Timeout("3s")] (int id) => Results.Ok(id));
            app.MapGet("/tracking/{number}", [Retry(Attempts = 1, PerTryTimeout = "1s", {|MESH002:RetryOn = "connect-failure,gateway-eror"|})] (string number) => Results.Ok(number));

            app.Run();
            """;

        /// <summary>The misspelt retry condition in <see cref="Program"/> and its correction.</summary>
        public const string Misspelling = "gateway-eror";

        public const string Correction = "gateway-error";
    }
}
