using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Observability.Tests
{
    public sealed class PrometheusRuleTests
    {
        [Fact]
        public void Without_Alerting_the_case_study_thresholds_windows_and_severities_apply()
        {
            var rules = Rules(CaseStudy.Inventory);

            Assert.Equal(new[] { "ServiceHighErrorRate", "ServiceCriticalErrorRate", "ServiceHighLatency", "CircuitBreakerActive" }, rules.Select(r => r.Text("alert")));
            Assert.Equal(new[] { "2m", "1m", "3m", "1m" }, rules.Select(r => r.Text("for")));
            Assert.Equal(new[] { "warning", "critical", "warning", "warning" }, rules.Select(r => r.Text("labels", "severity")));
            Assert.EndsWith("[5m])) by (destination_service_namespace, destination_service_name)\n> 0.05\n", rules[0].Text("expr"));
            Assert.EndsWith("[2m])) by (destination_service_namespace, destination_service_name)\n> 0.2\n", rules[1].Text("expr"));
            Assert.EndsWith(") > 2000\n", rules[2].Text("expr"));
            Assert.Equal("inventory-service P99 latency above 2s", rules[2].Text("annotations", "summary"));
            Assert.All(rules, r => Assert.False(((YamlMappingNode)r.At("annotations")).Children.ContainsKey(new YamlScalarNode("runbook_url"))));
        }

        [Fact]
        public void Alerting_values_become_the_thresholds_and_LatencyP99_is_milliseconds()
        {
            var service = CaseStudy.Service("search-service", alerting: new AlertingSpec(0.07, 0.35, "1500ms", null));
            var rules = Rules(service);

            Assert.Contains("\n> 0.07\n", rules[0].Text("expr"));
            Assert.Equal("search-service error rate above 7%", rules[0].Text("annotations", "summary"));
            Assert.Contains("\n> 0.35\n", rules[1].Text("expr"));
            Assert.Equal("CRITICAL: search-service error rate above 35%", rules[1].Text("annotations", "summary"));
            Assert.EndsWith(") > 1500\n", rules[2].Text("expr"));
            Assert.Equal("search-service P99 latency above 1500ms", rules[2].Text("annotations", "summary"));
        }

        [Fact]
        public void Every_rule_is_scoped_to_the_service_and_its_namespace()
        {
            var service = CaseStudy.Service("orders", "shop");
            var rules = Rules(service);

            foreach (var rule in rules.Take(3))
            {
                string expr = rule.Text("expr");
                int selectors = expr.Split("istio_").Length - 1;
                Assert.Equal(selectors, expr.Split("reporter=\"destination\",destination_service_namespace=\"shop\",destination_service_name=\"orders\"").Length - 1);
            }

            Assert.Contains(@"cluster_name=~""outbound\\|[0-9]+\\|[^|]*\\|orders\\.shop\\.svc\\.cluster\\.local""", rules[3].Text("expr"));
            Assert.Equal("orders", rules[3].Text("labels", "destination_service_name"));
            Assert.Equal("shop", rules[3].Text("labels", "destination_service_namespace"));
        }

        [Fact]
        public void Annotations_name_the_service_and_carry_the_runbook()
        {
            foreach (var rule in Rules(CaseStudy.Checkout))
            {
                Assert.Equal("https://runbooks.example.com/checkout-service", rule.Text("annotations", "runbook_url"));
                Assert.Contains("checkout-service", rule.Text("annotations", "description"));
            }
        }

        [Fact]
        public void The_resource_lives_in_the_service_namespace_with_a_name_of_its_own()
        {
            var doc = YamlNodes.Load(CaseStudy.File(CaseStudy.Service("orders", "shop"), "prometheusrule.yaml"));
            Assert.Equal("monitoring.coreos.com/v1", doc.Text("apiVersion"));
            Assert.Equal("PrometheusRule", doc.Text("kind"));
            Assert.Equal("orders-mesh-alerts", doc.Text("metadata", "name"));
            Assert.Equal("shop", doc.Text("metadata", "namespace"));
            Assert.Equal("30s", ((YamlSequenceNode)doc.At("spec", "groups"))[0].Text("interval"));
        }

        private static YamlMappingNode[] Rules(ServiceSpec service) =>
            new RuleFile().AddPrometheusRule(CaseStudy.File(service, "prometheusrule.yaml")).Rules.ToArray();
    }
}
