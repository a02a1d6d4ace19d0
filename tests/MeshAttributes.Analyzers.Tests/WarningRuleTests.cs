using System.Threading.Tasks;
using MeshAttributes.Generators.Analyzers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>MESH100–MESH106: each fires where it should, and its nearest safe neighbour is silent.</summary>
    public class WarningRuleTests
    {
        private const string Capped = """
            [assembly: MeshService("payment-service")]
            [assembly: ConnectionPool(MaxRetries = 3)]

            """;

        [Fact]
        public Task MESH100_case_study_retry_on_a_POST_action_fires_at_RetryOn() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                public class PaymentsController : ControllerBase
                {
                    [HttpPost("/payments")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", {|MESH100:RetryOn = "5xx,reset,connect-failure,retriable-4xx"|})]
                    [Timeout("10s")]
                    public IActionResult Charge() => Ok();
                }
                """);

        [Fact]
        public Task MESH100_service_retry_covers_POST_endpoints_without_their_own_route() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                [assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset,connect-failure")]
                [assembly: Timeout("10s")]

                public class PaymentsController : ControllerBase
                {
                    [HttpPost("/refunds")]
                    public IActionResult {|MESH100:Refund|}() => Ok();

                    [AcceptVerbs("PATCH", Route = "/payments/{id}")]
                    public IActionResult {|MESH100:Amend|}(int id) => Ok();

                    [HttpGet("/payments/{id}")]
                    public IActionResult Get(int id) => Ok();

                    [HttpPost("/payments")]
                    [Idempotent]
                    public IActionResult Charge() => Ok();
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.{|MESH100:MapPost|}("/orders", () => "created");
                        app.MapGet("/orders", () => "all");
                        app.MapPost("/quotes", [Idempotent] () => "quoted");
                        app.MapGroup("/v2").{|MESH100:MapPatch|}("/orders/{id}", (int id) => "patched");
                    }
                }
                """);

        [Fact]
        public Task MESH100_minimal_api_own_retry_fires_and_safe_tokens_do_not() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/orders", [Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH100:RetryOn = "gateway-error,connect-failure"|})] [Timeout("5s")] () => "created");
                        app.MapPost("/carts", [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure,refused-stream,reset-before-request")] [Timeout("5s")] () => "created");
                        app.MapPut("/carts/{id}", [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx")] [Timeout("5s")] (int id) => "replaced");
                    }
                }
                """);

        [Fact]
        public Task MESH100_method_group_handler_is_checked_with_its_methods_attributes() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/orders", Create);
                        app.MapPost("/carts", CreateCart);
                    }

                    [Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH100:RetryOn = "5xx,connect-failure"|})]
                    [Timeout("5s")]
                    private static string Create() => "created";

                    [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx,connect-failure")]
                    [Timeout("5s")]
                    [Idempotent]
                    private static string CreateCart() => "created";
                }
                """);

        [Fact]
        public Task MESH101_message_walks_the_tries_with_back_off() =>
            Verify.Analyzer(
                Sources.Usings + "\n" + Capped + """
                [assembly: Retry({|#0:Attempts = 3|}, PerTryTimeout = "4s", RetryOn = "connect-failure")]
                [assembly: Timeout("10s")]
                """,
                new DiagnosticResult(Descriptors.RetriesExceedTimeout).WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                    "On service 'payment-service', the first try and 3 retries of 4s each need up to 16.275s (16s of tries plus up to 275ms of back-off) but Timeout is 10s: " +
                    "the second retry is cut short after 1.9s and the third never runs; raise Timeout to \"17s\" or lower Attempts to 1"));

        [Theory]
        [InlineData("""[assembly: Retry(Attempts = 1, PerTryTimeout = "4s", RetryOn = "connect-failure")]""")]
        [InlineData("""[assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure")]""")]
        public Task MESH101_silent_when_every_try_and_back_off_fit(string retry) =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + "[assembly: Timeout(\"10s\")]\n" + retry);

        [Fact]
        public Task MESH101_an_endpoint_timeout_shorter_than_the_inherited_retries_fires_at_the_timeout() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                [assembly: Retry(Attempts = 2, PerTryTimeout = "2s", RetryOn = "connect-failure")]
                [assembly: Timeout("10s")]

                public class ReportsController : ControllerBase
                {
                    [HttpGet("/reports")]
                    [Timeout({|MESH101:"3s"|})]
                    public IActionResult List() => Ok();
                }
                """);

        [Fact]
        public Task MESH102_retries_without_Timeout_or_PerTryTimeout_fire() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                [assembly: Retry({|MESH102:{|MESH102:Attempts = 2|}|}, RetryOn = "connect-failure")]
                """);

        [Fact]
        public Task MESH102_silent_with_both_timeouts_or_no_retries() =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + """
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure")]
                [assembly: Timeout("5s")]

                public class ReportsController : ControllerBase
                {
                    [HttpGet("/reports")]
                    [Retry(Attempts = 0)]
                    public IActionResult List() => Ok();
                }
                """);

        [Fact]
        public Task MESH103_uncapped_retries_fire_on_each_retry_declaration() =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: MeshService("payment-service")]
                [assembly: Retry({|MESH103:Attempts = 2|}, PerTryTimeout = "1s", RetryOn = "connect-failure")]
                [assembly: Timeout("5s")]
                [assembly: ConnectionPool(MaxConnections = 100)]
                """);

        [Theory]
        [InlineData("[assembly: RetryBudget(Percent = 20)]")]
        [InlineData("[assembly: ConnectionPool(MaxRetries = 10)]")]
        public Task MESH103_silent_with_a_cap(string cap) =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: MeshService("payment-service")]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure")]
                [assembly: Timeout("5s")]

                """ + cap);

        [Theory]
        [InlineData("[assembly: CircuitBreaker(Consecutive5xxErrors = 3, {|MESH104:MaxEjectionPercent = 100|})]")]
        [InlineData("[assembly: CircuitBreaker(Consecutive5xxErrors = 3, MaxEjectionPercent = 100, MinHealthPercent = 30)]")]
        [InlineData("[assembly: CircuitBreaker(Consecutive5xxErrors = 3, MaxEjectionPercent = 50)]")]
        public Task MESH104_ejecting_every_host_without_panic_mode(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + attribute);

        [Theory]
        [InlineData("[assembly: CircuitBreaker({|MESH105:ConsecutiveGatewayErrors = 5|})]")]
        [InlineData("[assembly: CircuitBreaker(Consecutive5xxErrors = 3, {|MESH105:ConsecutiveGatewayErrors = 4|})]")]
        [InlineData("[assembly: CircuitBreaker(ConsecutiveGatewayErrors = 4)]")]
        [InlineData("[assembly: CircuitBreaker(Consecutive5xxErrors = 0, ConsecutiveGatewayErrors = 3)]")]
        public Task MESH105_gateway_threshold_at_or_above_5xx_threshold(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + attribute);

        [Theory]
        [InlineData("[assembly: MutualTls({|MESH106:MutualTlsMode.Permissive|})]")]
        [InlineData("[assembly: MutualTls({|MESH106:MutualTlsMode.Disable|})]")]
        [InlineData("[assembly: MutualTls(MutualTlsMode.Strict)]")]
        public Task MESH106_mutual_tls_not_strict(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Capped + attribute);

        [Fact]
        public Task Class_services_are_checked_like_the_assembly_service() =>
            Verify.Analyzer(Sources.Usings + """

                [MeshService("legacy-billing")]
                [ConnectionPool(MaxRetries = 3)]
                [CircuitBreaker({|MESH104:MaxEjectionPercent = 100|})]
                [MutualTls({|MESH106:MutualTlsMode.Permissive|})]
                public class LegacyBilling { }
                """);
    }
}
