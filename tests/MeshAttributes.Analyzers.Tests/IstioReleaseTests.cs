using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>
    /// MESH009 and the identity and egress declarations: what the target Istio release (<c>MeshIstioVersion</c>) lacks fires
    /// at the argument that uses it, the release that has it is silent, and a value that is not a release fires at the
    /// service declaration.
    /// </summary>
    public class IstioReleaseTests
    {
        private const string Service = """
            [assembly: MeshService("payment-service")]
            [assembly: ConnectionPool(MaxRetries = 3)]
            [assembly: Timeout("10s")]

            """;

        private const string ResetBeforeRequestOnAPost = """
            public class PaymentsController : ControllerBase
            {
                [HttpPost("/payments")]
                [Retry(Attempts = 2, PerTryTimeout = "2s", {|#0:RetryOn = "connect-failure,reset-before-request"|})]
                public IActionResult Charge() => Ok();
            }
            """;

        [Fact]
        public Task MESH009_reset_before_request_on_an_endpoint_fires_at_RetryOn_before_Istio_1_23() =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + Service + ResetBeforeRequestOnAPost,
                new[] { ("MeshIstioVersion", "1.22") },
                new DiagnosticResult(Generators.Analyzers.Descriptors.NotInIstioRelease).WithLocation(0).WithArguments("RetryOn \"connect-failure,reset-before-request\" of endpoint PaymentsController.Charge uses 'reset-before-request', which Istio has from 1.23, but MeshIstioVersion is 1.22: that release rejects the VirtualService; write RetryOn = \"connect-failure\", or set MeshIstioVersion to 1.23 or later once the cluster runs it"));

        [Theory]
        [InlineData("1.23")]
        [InlineData("1.30")]
        public Task MESH009_reset_before_request_is_silent_from_Istio_1_23(string release) =>
            Verify.AnalyzerWithProperties(Sources.Usings + "\n" + Service + ResetBeforeRequestOnAPost.Replace("{|#0:", string.Empty).Replace("|})]", ")]"), new[] { ("MeshIstioVersion", release) });

        [Fact]
        public Task MESH009_reset_before_request_is_silent_without_MeshIstioVersion() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + ResetBeforeRequestOnAPost.Replace("{|#0:", string.Empty).Replace("|})]", ")]"));

        [Fact]
        public Task MESH009_service_retry_with_reset_before_request_fires_at_its_RetryOn() =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + Service + """[assembly: Retry(Attempts = 2, PerTryTimeout = "2s", {|MESH009:RetryOn = "reset-before-request"|})]""",
                new[] { ("MeshIstioVersion", "1.21.4") });

        [Theory]
        [InlineData("1.26", """[assembly: {|MESH009:RetryBudget(Percent = 20)|}]""")]
        [InlineData("1.27", """[assembly: RetryBudget(Percent = 20)]""")]
        public Task MESH009_RetryBudget_fires_on_the_attribute_before_Istio_1_27(string release, string attribute) =>
            Verify.AnalyzerWithProperties(Sources.Usings + "\n" + Service + attribute, new[] { ("MeshIstioVersion", release) });

        [Theory]
        [InlineData("latest")]
        [InlineData("1")]
        [InlineData("v1.24")]
        [InlineData("1.19")]
        public Task MESH009_a_MeshIstioVersion_that_is_not_a_supported_release_fires_at_the_service(string release) =>
            Verify.AnalyzerWithProperties(Sources.Usings + "\n" + """[assembly: {|MESH009:MeshService("payment-service")|}]""", new[] { ("MeshIstioVersion", release) });

        [Fact]
        public Task MESH009_names_the_property_and_an_example() =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + """[assembly: {|#0:MeshService("payment-service")|}]""",
                new[] { ("MeshIstioVersion", "1.x") },
                new DiagnosticResult(Generators.Analyzers.Descriptors.NotInIstioRelease).WithLocation(0).WithArguments("MeshIstioVersion \"1.x\" is not an Istio release, so no manifest of service 'payment-service' is written; set the MSBuild property to the release your cluster runs as major.minor, e.g. <MeshIstioVersion>1.24</MeshIstioVersion>"));

        [Theory]
        [InlineData("1.23", "{|MESH100:Retry(Attempts = 2, PerTryTimeout = \"2s\")|}")]
        [InlineData("1.24", "Retry(Attempts = 2, PerTryTimeout = \"2s\")")]
        public Task MESH100_a_retry_without_RetryOn_on_a_POST_replays_503s_before_Istio_1_24(string release, string retry) =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + Service + $$"""
                public class PaymentsController : ControllerBase
                {
                    [HttpPost("/payments")]
                    [{{retry}}]
                    public IActionResult Charge() => Ok();
                }
                """,
                new[] { ("MeshIstioVersion", release) });

        [Theory]
        [InlineData("1.23", "app.{|MESH100:MapPost|}")]
        [InlineData("1.24", "app.MapPost")]
        public Task MESH100_the_services_retry_without_RetryOn_reaches_unattributed_POST_handlers_before_Istio_1_24(string release, string call) =>
            Verify.AnalyzerWithProperties(
                Sources.Usings + "\n" + Service + $$"""
                [assembly: Retry(Attempts = 2, PerTryTimeout = "2s")]

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        {{call}}("/orders", () => "created");
                    }
                }
                """,
                new[] { ("MeshIstioVersion", release) });

        [Theory]
        [InlineData("""[assembly: MeshService("payment-service", {|MESH004:ServiceAccount = "Payments_SA"|})]""")]
        [InlineData("""[assembly: MeshService("payment-service", ServiceAccount = "payments.v2")]""")]
        [InlineData("""[assembly: MeshService("payment-service")] [assembly: AllowCaller("checkout-service", {|MESH004:ServiceAccount = "Checkout"|})]""")]
        [InlineData("""[assembly: MeshService("payment-service")] [assembly: AllowCaller("checkout-service", ServiceAccount = "checkout-sa")]""")]
        public Task MESH004_service_accounts_must_be_dns_subdomains(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + attribute);

        [Theory]
        [InlineData("""[assembly: OutboundTrafficPolicy({|MESH003:(OutboundTrafficPolicyMode)5|})]""")]
        [InlineData("""[assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]""")]
        public Task MESH003_undefined_outbound_traffic_policy_mode_fires_defined_ones_do_not(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + attribute);

        [Fact]
        public Task MESH005_an_outbound_traffic_policy_without_its_service_fires() =>
            Verify.Analyzer(Sources.Usings + "\n" + """[assembly: {|MESH005:OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)|}]""");
    }
}
