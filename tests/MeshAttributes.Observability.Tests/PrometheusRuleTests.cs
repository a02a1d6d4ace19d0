using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
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
            Assert.All(rules, r => Assert.Equal("default", r.Text("labels", "namespace")));
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
            var service = CaseStudy.Service("orders", "shop", circuitBreaker: new CircuitBreakerSpec(3, null, null, null, null, null));
            var rules = Rules(service);

            // Errors as the callers' proxies report them, latency as the service's own proxy does.
            foreach (var (rule, reporter) in new[] { (rules[0], "source"), (rules[1], "source"), (rules[2], "destination") })
            {
                string expr = rule.Text("expr");
                int selectors = expr.Split("istio_").Length - 1;
                Assert.Equal(selectors, expr.Split($"reporter=\"{reporter}\",destination_service_namespace=\"shop\",destination_service_name=\"orders\"").Length - 1);
            }

            Assert.Contains(@"cluster_name=~""outbound\\|[0-9]+\\|[^|]*\\|orders\\.shop\\.svc\\.cluster\\.local""", rules[3].Text("expr"));
            Assert.Equal("orders", rules[3].Text("labels", "destination_service_name"));
            Assert.Equal("shop", rules[3].Text("labels", "destination_service_namespace"));
        }

        [Fact]
        public void Error_rates_never_sum_the_two_reporters()
        {
            foreach (var rule in Rules(CaseStudy.Inventory).Take(2))
            {
                string expr = rule.Text("expr");
                Assert.DoesNotContain("reporter=\"destination\"", expr);
                Assert.DoesNotContain("reporter=~", expr);
                Assert.Equal(2, expr.Split("reporter=\"source\"").Length - 1);
            }
        }

        [Fact]
        public void Every_alert_carries_the_services_namespace_for_Alertmanager()
        {
            var service = CaseStudy.Service("orders", "shop", circuitBreaker: new CircuitBreakerSpec(3, null, null, null, null, null));
            var rules = Rules(service);

            Assert.Equal(4, rules.Length);
            Assert.All(rules, r => Assert.Equal("shop", r.Text("labels", "namespace")));
        }

        [Fact]
        public void CircuitBreakerActive_only_for_a_service_whose_outlier_detection_can_eject()
        {
            string[] Alerts(CircuitBreakerSpec? cb) =>
                Rules(CaseStudy.Service("orders", circuitBreaker: cb)).Select(r => r.Text("alert")).ToArray();

            Assert.Contains("CircuitBreakerActive", Alerts(new CircuitBreakerSpec(null, null, "5s", null, null, null))); // Istio's default 5 consecutive 5xx
            Assert.Contains("CircuitBreakerActive", Alerts(new CircuitBreakerSpec(0, 3, null, null, null, null)));
            Assert.DoesNotContain("CircuitBreakerActive", Alerts(null));
            Assert.DoesNotContain("CircuitBreakerActive", Alerts(new CircuitBreakerSpec(null, null, null, null, null, null))); // no outlierDetection written
            Assert.DoesNotContain("CircuitBreakerActive", Alerts(new CircuitBreakerSpec(0, null, "5s", null, null, null))); // both counts off
            Assert.DoesNotContain("CircuitBreakerActive", Alerts(new CircuitBreakerSpec(0, -1, null, null, null, null))); // a gateway count counts only above 0
        }

        [Fact]
        public void MeshPrometheusRuleLabels_are_added_after_the_resources_own_labels()
        {
            var service = CaseStudy.Inventory with { PrometheusRuleLabels = " release=kube-prometheus-stack ; example.com/team=payments;tier= ;" };
            var labels = (YamlMappingNode)YamlNodes.Load(CaseStudy.File(service, "prometheusrule.yaml")).At("metadata", "labels");

            Assert.Equal(
                new[] { "app.kubernetes.io/name", "app.kubernetes.io/managed-by", "release", "example.com/team", "tier" },
                labels.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
            Assert.Equal("kube-prometheus-stack", labels.Text("release"));
            Assert.Equal("payments", labels.Text("example.com/team"));
            Assert.Equal(string.Empty, labels.Text("tier"));

            // Only the PrometheusRule: the dashboard ConfigMap's labels are the Grafana sidecar's business.
            Assert.DoesNotContain("release", CaseStudy.File(service, "grafana-dashboard.yaml"));
        }

        [Fact]
        public void Invalid_MeshPrometheusRuleLabels_refuse_the_PrometheusRule_and_say_what_to_write()
        {
            var service = CaseStudy.Inventory with { PrometheusRuleLabels = "release: kube-prometheus-stack" };
            RenderedService rendered = ServiceRenderer.Render(service);

            var error = Assert.Single(rendered.Errors);
            Assert.Equal("inventory-service/prometheusrule.yaml", error.Path);
            Assert.Equal("MESH004", error.Id);
            Assert.Contains("'release: kube-prometheus-stack' has no '='", error.Message);
            Assert.Contains("e.g. release=kube-prometheus-stack", error.Message);
            Assert.DoesNotContain(rendered.Files, f => f.Path.EndsWith("/prometheusrule.yaml"));
            Assert.Contains(rendered.Files, f => f.Path.EndsWith("/destinationrule.yaml"));
            Assert.Contains(rendered.Files, f => f.Path.EndsWith("/dashboard.json"));
            Assert.DoesNotContain("prometheusrule.yaml", rendered.Files.Single(f => f.Path.EndsWith("kustomization.yaml")).Content);
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
