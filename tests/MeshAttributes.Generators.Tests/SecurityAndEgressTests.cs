using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class SecurityAndEgressTests
    {
        [Fact]
        public void Dependencies_become_sidecar_egress_hosts_and_callers_an_authorization_policy()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service", Namespace = "shop")]
                [assembly: DependsOn("payment-service")]
                [assembly: DependsOn("inventory-service")]
                [assembly: DependsOn("fraud-check", Namespace = "risk")]
                [assembly: AllowCaller("storefront")]
                [assembly: AllowCaller("ops-console", Namespace = "ops", ServiceAccount = "console")]
                """);

            Snapshot.Match(run.Manifests["checkout-service/sidecar.yaml"], "checkout-service/sidecar.yaml");
            Snapshot.Match(run.Manifests["checkout-service/authorizationpolicy.yaml"], "checkout-service/authorizationpolicy.yaml");
            string kustomization = run.Manifests["checkout-service/kustomization.yaml"];
            Assert.Contains("- sidecar.yaml", kustomization);
            Assert.Contains("- authorizationpolicy.yaml", kustomization);
        }

        [Fact]
        public void Without_dependencies_or_callers_neither_resource_is_written()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("lonely")]
                """);

            Assert.DoesNotContain("lonely/sidecar.yaml", run.Manifests.Keys);
            Assert.DoesNotContain("lonely/authorizationpolicy.yaml", run.Manifests.Keys);
        }

        [Fact]
        public void An_invalid_caller_name_refuses_only_the_authorization_policy()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("orders")]
                [assembly: AllowCaller("Checkout Service")]
                """);

            Assert.DoesNotContain("orders/authorizationpolicy.yaml", run.Manifests.Keys);
            Assert.Contains("orders/destinationrule.yaml", run.Manifests.Keys);
            Assert.Contains(run.Errors, e => e.Id == "MESH004" && e.Path == "orders/authorizationpolicy.yaml");
        }
    }
}
