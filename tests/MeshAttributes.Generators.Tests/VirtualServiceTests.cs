using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class VirtualServiceTests
    {
        [Fact]
        public void Case_study_payment_retry_and_timeout_render_the_default_route()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("payment-service")]
                [assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset,connect-failure,retriable-4xx")]
                [assembly: Timeout("10s")]
                """);

            Snapshot.Match(run.Manifests["payment-service/virtualservice.yaml"], "payment-service/virtualservice.yaml");
            Assert.Contains("- virtualservice.yaml", run.Manifests["payment-service/kustomization.yaml"]);
        }

        [Fact]
        public void No_virtual_service_when_no_route_says_anything()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("quiet")]
                """);

            Assert.DoesNotContain("quiet/virtualservice.yaml", run.Manifests.Keys);
            Assert.DoesNotContain("virtualservice.yaml", run.Manifests["quiet/kustomization.yaml"]);
        }

        [Fact]
        public void Service_port_becomes_the_route_destination_port()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("api", Port = 8080)]
                [assembly: Timeout("5s")]
                """);

            Assert.Contains("number: 8080", run.Manifests["api/virtualservice.yaml"]);
        }
    }
}
