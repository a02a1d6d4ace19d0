using System.Linq;
using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class InvalidInputTests
    {
        [Fact]
        public void An_invalid_duration_refuses_the_destination_rule_and_keeps_the_other_resources()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                [assembly: CircuitBreaker(Interval = "10 s")]
                [assembly: Timeout("5s")]
                """);

            Assert.DoesNotContain("checkout-service/destinationrule.yaml", run.Manifests.Keys);
            Assert.Contains("checkout-service/virtualservice.yaml", run.Manifests.Keys);
            var (path, id, message) = Assert.Single(run.Errors);
            Assert.Equal("checkout-service/destinationrule.yaml", path);
            Assert.Equal("MESH001", id);
            Assert.Contains("'10 s'", message);
            Assert.Contains("\"10s\"", message);
        }

        [Theory]
        [InlineData("""[assembly: Retry(Attempts = 2, RetryOn = "5XX")]""", "MESH002", "did you mean '5xx'?")]
        [InlineData("""[assembly: Retry(Attempts = 2, RetryOn = "5xx, reset")]""", "MESH002", "write \"5xx,reset\"")]
        [InlineData("""[assembly: Retry(Attempts = -1)]""", "MESH003", "cannot be negative")]
        [InlineData("""[assembly: Retry(PerTryTimeout = "1s")]""", "MESH006", "turns retries off")]
        [InlineData("""[assembly: Timeout("0s")]""", "MESH001", "shorter than 1ms")]
        public void Invalid_retry_settings_refuse_the_virtual_service(string attribute, string id, string messagePart)
        {
            var run = GeneratorHarness.Run($$"""
                using MeshAttributes;
                [assembly: MeshService("payment-service")]
                {{attribute}}
                """);

            Assert.DoesNotContain("payment-service/virtualservice.yaml", run.Manifests.Keys);
            Assert.Contains("payment-service/destinationrule.yaml", run.Manifests.Keys);
            Assert.Contains(run.Errors, e => e.Id == id && e.Path == "payment-service/virtualservice.yaml" && e.Message.Contains(messagePart));
        }

        [Fact]
        public void An_invalid_service_name_refuses_every_file()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("Checkout_Service")]
                """);

            Assert.Empty(run.Manifests);
            Assert.All(run.Errors, e => Assert.Equal("MESH004", e.Id));
            Assert.Contains("did you mean \"checkout-service\"?", run.Errors.First().Message);
        }

        // Found by the property tests: the generated file names the service in a // comment, and NEL, LS and PS end a C#
        // line too, so the rest of such a name was compiled as code.
        [Theory]
        [InlineData("a\u0085<b")]
        [InlineData("a\u2028<b")]
        [InlineData("a\u2029<b")]
        [InlineData("a\r\n<b")]
        public void A_service_name_with_any_line_break_stays_in_its_comment_and_is_refused(string name)
        {
            var run = GeneratorHarness.Run("using MeshAttributes;\n[assembly: MeshService(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, quote: true) + ")]\n");

            Assert.Empty(run.Manifests);
            Assert.NotEmpty(run.Errors);
            Assert.All(run.Errors, e => Assert.Equal("MESH004", e.Id));
        }

        // Found by the property tests: an empty name was taken for a failure before any service was known, and nothing was
        // emitted, so with MESH004's severity lowered the build would have passed with no manifests.
        [Fact]
        public void An_empty_service_name_refuses_every_file()
        {
            var run = GeneratorHarness.Run("using MeshAttributes;\n[assembly: MeshService(\"\")]\n");

            Assert.Empty(run.Manifests);
            Assert.Equal(8, run.Errors.Count);
            Assert.All(run.Errors, e => Assert.Equal(("invalid-service", "MESH004"), (e.Path.Split('/')[0], e.Id)));
        }

        [Fact]
        public void A_service_declared_twice_renders_only_the_error()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("orders")]
                [MeshService("orders")]
                public sealed class AlsoOrders { }
                """);

            Assert.Empty(run.Manifests);
            Assert.All(run.Errors, e => Assert.Equal("MESH005", e.Id));
            Assert.Contains("declared 2 times", run.Errors.First().Message);
        }

        [Fact]
        public void An_undefined_enum_value_is_out_of_range()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("orders")]
                [assembly: LoadBalancer((LoadBalancerPolicy)7)]
                """);

            Assert.Contains(run.Errors, e => e.Id == "MESH003" && e.Path == "orders/destinationrule.yaml");
        }
    }
}
