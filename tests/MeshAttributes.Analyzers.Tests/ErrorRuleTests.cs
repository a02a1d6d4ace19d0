using System.Threading.Tasks;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>MESH001–MESH006: each fires at the argument that is wrong, and its nearest valid neighbour is silent.</summary>
    public class ErrorRuleTests
    {
        private const string Service = """
            [assembly: MeshService("payment-service")]
            [assembly: ConnectionPool(MaxRetries = 3)]

            """;

        [Theory]
        [InlineData("""[assembly: Timeout({|MESH001:"10 s"|})]""")]
        [InlineData("""[assembly: Timeout({|MESH001:"1.5ms"|})]""")]
        [InlineData("""[assembly: CircuitBreaker({|MESH001:Interval = "10sec"|})]""")]
        [InlineData("""[assembly: Timeout("10s")]""")]
        [InlineData("""[assembly: CircuitBreaker(Interval = "1m30s", BaseEjectionTime = "1500ms")]""")]
        public Task MESH001_invalid_durations_fire_valid_ones_do_not(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + attribute);

        [Theory]
        [InlineData("""[assembly: Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH002:RetryOn = "5XX"|})]""")]
        [InlineData("""[assembly: Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH002:RetryOn = "5xx, reset"|})]""")]
        [InlineData("""[assembly: Retry(Attempts = 2, PerTryTimeout = "1s", {|MESH002:RetryOn = "599"|})]""")]
        [InlineData("""[assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx,reset,503")]""")]
        public Task MESH002_unknown_tokens_and_spaces_fire_valid_lists_do_not(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + "[assembly: Timeout(\"5s\")]\n" + attribute);

        [Theory]
        [InlineData("""[assembly: CircuitBreaker({|MESH003:MaxEjectionPercent = 150|})]""")]
        [InlineData("""[assembly: CircuitBreaker({|MESH003:Consecutive5xxErrors = -1|})]""")]
        [InlineData("""[assembly: CircuitBreaker(MaxEjectionPercent = 50, Consecutive5xxErrors = 0)]""")]
        public Task MESH003_out_of_range_fires_in_range_does_not(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + attribute);

        [Fact]
        public Task A_project_that_does_not_reference_the_attributes_gets_no_finding_even_from_look_alike_attributes() =>
            Verify.AnalyzerWithoutAttributesReference("""
                using MeshAttributes;

                [assembly: MeshService("Payment_Service", Port = 70000)]

                namespace MeshAttributes
                {
                    [System.AttributeUsage(System.AttributeTargets.Assembly)]
                    public sealed class MeshServiceAttribute : System.Attribute
                    {
                        public MeshServiceAttribute(string name) => Name = name;

                        public string Name { get; }

                        public int Port { get; set; }
                    }
                }
                """);

        [Fact]
        public Task MESH003_port_out_of_range_fires_at_the_named_argument() =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: MeshService("payment-service", {|MESH003:Port = 70000|})]
                """);

        [Theory]
        [InlineData("""[assembly: MeshService({|MESH004:"Payment_Service"|})]""")]
        [InlineData("""[assembly: MeshService("payment-service", {|MESH004:Namespace = "Shop"|})]""")]
        [InlineData("""[assembly: MeshService("payment-service", Namespace = "shop")]""")]
        public Task MESH004_names_must_be_dns_labels(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + attribute);

        [Fact]
        public Task MESH004_fires_on_the_second_DependsOn_item() =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: MeshService("checkout-service")]
                [assembly: DependsOn("inventory-service")]
                [assembly: DependsOn({|MESH004:"Payment"|})]
                """);

        [Theory]
        [InlineData("""[assembly: Alerting({|MESH007:ErrorRateWarning = -0.1|})]""")]
        [InlineData("""[assembly: Alerting({|MESH007:ErrorRateCritical = 20|})]""")]
        [InlineData("""[assembly: Alerting(ErrorRateWarning = 0.01, ErrorRateCritical = 0.5, LatencyP99 = "750ms")]""")]
        public Task MESH007_ratios_outside_0_to_1_fire_valid_ratios_do_not(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + attribute);

        [Theory]
        [InlineData("""[assembly: Alerting({|MESH008:ErrorRateWarning = 0.3|})]""")]
        [InlineData("""[assembly: Alerting(ErrorRateWarning = 0.1)]""")]
        public Task MESH008_a_warning_threshold_at_or_above_the_critical_one_fires(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + attribute);

        [Fact]
        public Task MESH005_assembly_policy_without_a_service_fires_on_the_attribute() =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: {|MESH005:CircuitBreaker(MaxEjectionPercent = 50)|}]
                """);

        [Fact]
        public Task MESH005_endpoint_policy_without_an_assembly_service_fires() =>
            Verify.Analyzer(Sources.Usings + """

                public class OrdersController : ControllerBase
                {
                    [HttpGet("/orders")]
                    [{|MESH005:Timeout("2s")|}]
                    public IActionResult List() => Ok();
                }
                """);

        [Fact]
        public Task MESH005_class_policy_without_MeshService_fires_and_the_declared_class_does_not() =>
            Verify.Analyzer(Sources.Usings + """

                [{|MESH005:CircuitBreaker(MaxEjectionPercent = 50)|}]
                public class NotAService { }

                [MeshService("legacy-billing")]
                [CircuitBreaker(MaxEjectionPercent = 50)]
                public class LegacyBilling { }
                """);

        [Fact]
        public Task MESH005_same_service_declared_twice_fires_on_both_names() =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: MeshService({|MESH005:"payment-service"|})]

                [MeshService({|MESH005:"payment-service"|})]
                public class PaymentPolicy { }

                [MeshService("billing-service")]
                public class BillingPolicy { }
                """);

        [Fact]
        public Task MESH005_two_classes_declaring_one_service_fire_on_both_names_with_the_count() =>
            Verify.Analyzer(
                Sources.Usings + """

                    namespace Policies
                    {
                        [MeshService({|#0:"ledger"|})]
                        public class Ledger { }

                        public static class Outer
                        {
                            [MeshService({|#1:"ledger"|})]
                            public class NestedLedger { }
                        }
                    }
                    """,
                Verify.Diagnostic("MESH005", 0, "Service 'ledger' is declared 2 times with [MeshService] in this project, so no manifest is written for it; each service must be declared once, so rename or remove the others"),
                Verify.Diagnostic("MESH005", 1, "Service 'ledger' is declared 2 times with [MeshService] in this project, so no manifest is written for it; each service must be declared once, so rename or remove the others"));

        [Fact]
        public Task MESH005_silent_when_the_endpoint_has_its_service() =>
            Verify.Analyzer(Sources.Usings + """

                [assembly: MeshService("orders-service")]

                public class OrdersController : ControllerBase
                {
                    [HttpGet("/orders")]
                    [Timeout("2s")]
                    public IActionResult List() => Ok();
                }
                """);

        [Theory]
        [InlineData("""[assembly: Retry({|MESH006:Attempts = 0|}, PerTryTimeout = "1s")]""")]
        [InlineData("""[assembly: {|MESH006:Retry(RetryOn = "5xx")|}]""")]
        [InlineData("""[assembly: Retry(Attempts = 0)]""")]
        public Task MESH006_settings_ignored_with_zero_attempts(string attribute) =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + attribute);
    }
}
