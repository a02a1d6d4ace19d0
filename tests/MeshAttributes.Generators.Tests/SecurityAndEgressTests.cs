using System.Linq;
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

        [Fact]
        public void The_declared_service_account_is_named_on_every_resource_that_selects_the_pods_and_callers_use_theirs()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("payments", Namespace = "shop", ServiceAccount = "payments-sa")]
                [assembly: DependsOn("ledger")]
                [assembly: AllowCaller("checkout-service")]
                [assembly: AllowCaller("refunds", ServiceAccount = "refunds-worker")]
                """);

            foreach (string file in new[] { "payments/peerauthentication.yaml", "payments/sidecar.yaml", "payments/authorizationpolicy.yaml" })
            {
                Assert.Contains("  annotations:\n    meshattributes.io/service-account: payments-sa\n", run.Manifests[file], System.StringComparison.Ordinal);
                Assert.Contains("      app: payments\n", run.Manifests[file], System.StringComparison.Ordinal);
            }

            Assert.DoesNotContain("service-account", run.Manifests["payments/destinationrule.yaml"], System.StringComparison.Ordinal);
            string policy = run.Manifests["payments/authorizationpolicy.yaml"];
            Assert.Contains("- cluster.local/ns/shop/sa/checkout-service\n", policy, System.StringComparison.Ordinal);
            Assert.Contains("- cluster.local/ns/shop/sa/refunds-worker\n", policy, System.StringComparison.Ordinal);
        }

        [Fact]
        public void Without_a_declared_service_account_the_pods_are_assumed_to_run_as_the_service_name()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("payments")]
                """);

            Assert.Contains("meshattributes.io/service-account: payments\n", run.Manifests["payments/peerauthentication.yaml"], System.StringComparison.Ordinal);
        }

        [Fact]
        public void An_invalid_service_account_writes_nothing_for_the_service()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("payments", ServiceAccount = "Payments SA")]
                """);

            Assert.Empty(run.Manifests);
            Assert.Contains(run.Errors, e => e.Id == "MESH004" && e.Message.Contains("did you mean \"payments-sa\"", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Registry_only_sets_the_sidecars_outbound_traffic_policy()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service", Namespace = "shop")]
                [assembly: DependsOn("payment-service")]
                [assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]
                """);

            Snapshot.Match(run.Manifests["checkout-service/sidecar.yaml"], "checkout-service/sidecar.yaml");
        }

        [Fact]
        public void Allow_any_is_written_when_declared_and_nothing_when_not()
        {
            var declared = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                [assembly: DependsOn("payment-service")]
                [assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.AllowAny)]
                """);
            var unsaid = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                [assembly: DependsOn("payment-service")]
                """);

            Assert.Contains("  outboundTrafficPolicy:\n    mode: ALLOW_ANY\n", declared.Manifests["checkout-service/sidecar.yaml"], System.StringComparison.Ordinal);
            Assert.DoesNotContain("outboundTrafficPolicy", unsaid.Manifests["checkout-service/sidecar.yaml"], System.StringComparison.Ordinal);
        }

        [Fact]
        public void Registry_only_without_dependencies_still_writes_a_sidecar_that_imports_only_istio_system()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("batch-job")]
                [assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]
                """);

            string sidecar = run.Manifests["batch-job/sidecar.yaml"];
            Assert.Contains("    - hosts:\n        - \"istio-system/*\"\n", sidecar, System.StringComparison.Ordinal);
            Assert.Contains("mode: REGISTRY_ONLY", sidecar, System.StringComparison.Ordinal);
            Assert.Contains("- sidecar.yaml", run.Manifests["batch-job/kustomization.yaml"], System.StringComparison.Ordinal);
        }

        [Fact]
        public void An_undefined_outbound_traffic_policy_refuses_only_the_sidecar()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                [assembly: DependsOn("payment-service")]
                [assembly: OutboundTrafficPolicy((OutboundTrafficPolicyMode)7)]
                """);

            Assert.Equal(new[] { ("checkout-service/sidecar.yaml", "MESH003") }, run.Errors.Select(e => (e.Path, e.Id)));
            Assert.Contains("checkout-service/peerauthentication.yaml", run.Manifests.Keys);
        }
    }
}
