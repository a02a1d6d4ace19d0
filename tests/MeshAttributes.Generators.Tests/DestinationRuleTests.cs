using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class DestinationRuleTests
    {
        [Fact]
        public void Case_study_checkout_attributes_render_its_destination_rule_field_for_field()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                [assembly: CircuitBreaker(Consecutive5xxErrors = 3, Interval = "10s", BaseEjectionTime = "30s",
                                          MaxEjectionPercent = 50, MinHealthPercent = 30)]
                [assembly: ConnectionPool(MaxConnections = 100, ConnectTimeout = "5s", H2UpgradePolicy = H2UpgradePolicy.Default,
                                          Http1MaxPendingRequests = 50, Http2MaxRequests = 100,
                                          MaxRequestsPerConnection = 10, MaxRetries = 3)]
                [assembly: LoadBalancer(LoadBalancerPolicy.LeastRequest)]
                """);

            Assert.Equal(
                new[]
                {
                    "checkout-service/dashboard.json", "checkout-service/destinationrule.yaml", "checkout-service/grafana-dashboard.yaml",
                    "checkout-service/kustomization.yaml", "checkout-service/peerauthentication.yaml", "checkout-service/prometheusrule.yaml",
                },
                run.Manifests.Keys);
            Snapshot.Match(run.Manifests["checkout-service/destinationrule.yaml"], "checkout-service/destinationrule.yaml");
            Snapshot.Match(run.Manifests["checkout-service/peerauthentication.yaml"], "checkout-service/peerauthentication.yaml");
            Snapshot.Match(run.Manifests["checkout-service/kustomization.yaml"], "checkout-service/kustomization.yaml");
        }

        [Fact]
        public void Only_the_properties_the_user_set_are_written()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("inventory-service")]
                [assembly: CircuitBreaker(Consecutive5xxErrors = 0)]
                [assembly: ConnectionPool(IdleTimeout = "1h")]
                """);

            string yaml = run.Manifests["inventory-service/destinationrule.yaml"];
            Assert.Contains("consecutive5xxErrors: 0", yaml);
            Assert.Contains("idleTimeout: 1h", yaml);
            Assert.DoesNotContain("interval", yaml);
            Assert.DoesNotContain("tcp:", yaml);
            Assert.DoesNotContain("loadBalancer", yaml);
        }

        [Fact]
        public void Retry_budget_and_mutual_tls_mode_render_into_the_traffic_policy_and_peer_authentication()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("ledger", Namespace = "finance")]
                [assembly: RetryBudget(Percent = 25.5, MinRetryConcurrency = 4)]
                [assembly: MutualTls(MutualTlsMode.Permissive)]
                [assembly: LoadBalancer(LoadBalancerPolicy.Random)]
                """);

            Snapshot.Match(run.Manifests["ledger/destinationrule.yaml"], "ledger/destinationrule.yaml");
            Snapshot.Match(run.Manifests["ledger/peerauthentication.yaml"], "ledger/peerauthentication.yaml");
        }

        [Fact]
        public void Disabled_mutual_tls_turns_client_tls_off_too()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("legacy")]
                [assembly: MutualTls(MutualTlsMode.Disable)]
                """);

            Assert.Contains("mode: DISABLE", run.Manifests["legacy/destinationrule.yaml"]);
            Assert.Contains("mode: DISABLE", run.Manifests["legacy/peerauthentication.yaml"]);
        }

        [Fact]
        public void MeshNamespace_property_is_the_default_namespace_and_the_attribute_overrides_it()
        {
            var options = new System.Collections.Generic.Dictionary<string, string> { ["build_property.MeshNamespace"] = "shop" };
            var run = GeneratorHarness.Run(
                """
                using MeshAttributes;
                [assembly: MeshService("cart")]
                [MeshService("billing", Namespace = "finance")]
                public class Billing { }
                """,
                options);

            Assert.Contains("namespace: shop", run.Manifests["cart/destinationrule.yaml"]);
            Assert.Contains("namespace: finance", run.Manifests["billing/destinationrule.yaml"]);
        }
    }
}
