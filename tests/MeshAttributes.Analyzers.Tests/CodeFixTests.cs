using System.Threading.Tasks;
using MeshAttributes.CodeFixes;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>Each fix's result, fix-all (document, project, solution) included: the testing library checks every scope.</summary>
    public class CodeFixTests
    {
        private const string Header = """
            [assembly: MeshService("payment-service")]
            [assembly: ConnectionPool(MaxRetries = 3)]

            """;

        private const string CaseStudy = """
            public class PaymentsController : ControllerBase
            {
                [HttpPost("/payments")]
                [Retry(Attempts = 3, PerTryTimeout = "2s", {|MESH100:RetryOn = "5xx,reset,connect-failure,retriable-4xx"|})]
                [Timeout("10s")]
                public IActionResult Charge() => Ok();

                [HttpPost("/refunds")]
                [Retry(Attempts = 3, PerTryTimeout = "2s", {|MESH100:RetryOn = "5xx,reset"|})]
                [Timeout("10s")]
                public IActionResult Refund() => Ok();
            }
            """;

        [Fact]
        public Task MESH100_case_study_is_one_click_from_Idempotent() =>
            Verify.CodeFix<NonIdempotentRetryCodeFixProvider>(
                Sources.Usings + "\n" + Header + CaseStudy,
                Sources.Usings + "\n" + Header + """
                public class PaymentsController : ControllerBase
                {
                    [HttpPost("/payments")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset,connect-failure,retriable-4xx")]
                    [Timeout("10s")]
                    [Idempotent]
                    public IActionResult Charge() => Ok();

                    [HttpPost("/refunds")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset")]
                    [Timeout("10s")]
                    [Idempotent]
                    public IActionResult Refund() => Ok();
                }
                """,
                NonIdempotentRetryCodeFixProvider.IdempotentKey);

        [Fact]
        public Task MESH100_case_study_is_one_click_from_safe_RetryOn() =>
            Verify.CodeFix<NonIdempotentRetryCodeFixProvider>(
                Sources.Usings + "\n" + Header + CaseStudy,
                Sources.Usings + "\n" + Header + """
                public class PaymentsController : ControllerBase
                {
                    [HttpPost("/payments")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream,reset-before-request")]
                    [Timeout("10s")]
                    public IActionResult Charge() => Ok();

                    [HttpPost("/refunds")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream,reset-before-request")]
                    [Timeout("10s")]
                    public IActionResult Refund() => Ok();
                }
                """,
                NonIdempotentRetryCodeFixProvider.SafeRetryOnKey);

        [Fact]
        public Task MESH100_safe_RetryOn_leaves_out_reset_before_request_for_Istio_before_1_23() =>
            Verify.CodeFix<NonIdempotentRetryCodeFixProvider>(
                Sources.Usings + "\n" + Header + CaseStudy,
                Sources.Usings + "\n" + Header + """
                public class PaymentsController : ControllerBase
                {
                    [HttpPost("/payments")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
                    [Timeout("10s")]
                    public IActionResult Charge() => Ok();

                    [HttpPost("/refunds")]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
                    [Timeout("10s")]
                    public IActionResult Refund() => Ok();
                }
                """,
                NonIdempotentRetryCodeFixProvider.SafeRetryOnKey,
                properties: new[] { ("MeshIstioVersion", "1.22") });

        private const string Inherited = """
            [assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset")]
            [assembly: Timeout("10s")]

            public static class Endpoints
            {
                public static void Map(WebApplication app)
                {
                    app.{|MESH100:MapPost|}("/orders", () => "created");
                    app.{|MESH100:MapPatch|}("/orders/{id}", (int id) => "patched");
                }
            }
            """;

        [Fact]
        public Task MESH100_inherited_retry_gets_an_own_safe_retry_on_minimal_api_handlers() =>
            Verify.CodeFix<NonIdempotentRetryCodeFixProvider>(
                Sources.Usings + "\n" + Header + Inherited,
                Sources.Usings + "\n" + Header + """
                [assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset")]
                [assembly: Timeout("10s")]

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/orders", [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream,reset-before-request")] () => "created");
                        app.MapPatch("/orders/{id}", [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream,reset-before-request")] (int id) => "patched");
                    }
                }
                """,
                NonIdempotentRetryCodeFixProvider.SafeRetryOnKey);

        [Fact]
        public Task MESH100_inherited_retry_marks_minimal_api_handlers_idempotent() =>
            Verify.CodeFix<NonIdempotentRetryCodeFixProvider>(
                Sources.Usings + "\n" + Header + Inherited,
                Sources.Usings + "\n" + Header + """
                [assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset")]
                [assembly: Timeout("10s")]

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/orders", [Idempotent] () => "created");
                        app.MapPatch("/orders/{id}", [Idempotent] (int id) => "patched");
                    }
                }
                """,
                NonIdempotentRetryCodeFixProvider.IdempotentKey);

        [Fact]
        public Task MESH002_replaces_unknown_tokens_with_the_closest_and_removes_spaces() =>
            Verify.CodeFix<ReplaceValueCodeFixProvider>(
                Sources.Usings + "\n" + Header + """
                [assembly: Timeout("5s")]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH002:{|MESH002:RetryOn = "5XX,conect-failure"|}|})]

                [MeshService("legacy-billing")]
                [ConnectionPool(MaxRetries = 3)]
                [Timeout("5s")]
                [Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH002:RetryOn = "5xx, reset"|})]
                public class LegacyBilling { }
                """,
                Sources.Usings + "\n" + Header + """
                [assembly: Timeout("5s")]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx,connect-failure")]

                [MeshService("legacy-billing")]
                [ConnectionPool(MaxRetries = 3)]
                [Timeout("5s")]
                [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx,reset")]
                public class LegacyBilling { }
                """);

        [Fact]
        public Task MESH001_rewrites_unambiguous_durations() =>
            Verify.CodeFix<ReplaceValueCodeFixProvider>(
                Sources.Usings + "\n" + Header + """
                [assembly: Timeout({|MESH001:"10 s"|})]
                [assembly: CircuitBreaker({|MESH001:Interval = "10sec"|}, {|MESH001:BaseEjectionTime = "1.5 s"|})]
                """,
                Sources.Usings + "\n" + Header + """
                [assembly: Timeout("10s")]
                [assembly: CircuitBreaker(Interval = "10s", BaseEjectionTime = "1500ms")]
                """);

        [Fact]
        public Task MESH106_sets_strict() =>
            Verify.CodeFix<ReplaceValueCodeFixProvider>(
                Sources.Usings + "\n" + Header + """
                [assembly: MutualTls({|MESH106:MutualTlsMode.Permissive|})]

                [MeshService("legacy-billing")]
                [MutualTls({|MESH106:MutualTlsMode.Disable|})]
                public class LegacyBilling { }
                """,
                Sources.Usings + "\n" + Header + """
                [assembly: MutualTls(MutualTlsMode.Strict)]

                [MeshService("legacy-billing")]
                [MutualTls(MutualTlsMode.Strict)]
                public class LegacyBilling { }
                """);

        private const string TooManyRetries = """
            [assembly: Retry({|MESH101:Attempts = 3|}, PerTryTimeout = "4s", RetryOn = "connect-failure")]
            [assembly: Timeout("10s")]
            """;

        [Fact]
        public Task MESH101_raises_the_timeout() =>
            Verify.CodeFix<RetriesExceedTimeoutCodeFixProvider>(
                Sources.Usings + "\n" + Header + TooManyRetries,
                Sources.Usings + "\n" + Header + """
                [assembly: Retry(Attempts = 3, PerTryTimeout = "4s", RetryOn = "connect-failure")]
                [assembly: Timeout("17s")]
                """,
                RetriesExceedTimeoutCodeFixProvider.RaiseTimeoutKey);

        [Fact]
        public Task MESH101_lowers_the_attempts() =>
            Verify.CodeFix<RetriesExceedTimeoutCodeFixProvider>(
                Sources.Usings + "\n" + Header + TooManyRetries,
                Sources.Usings + "\n" + Header + """
                [assembly: Retry(Attempts = 1, PerTryTimeout = "4s", RetryOn = "connect-failure")]
                [assembly: Timeout("10s")]
                """,
                RetriesExceedTimeoutCodeFixProvider.LowerAttemptsKey);
    }
}
