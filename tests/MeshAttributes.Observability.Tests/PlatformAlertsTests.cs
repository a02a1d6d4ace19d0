using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Resources.Platform;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>
    /// The platform's mesh-wide PrometheusRule (<c>platform/prometheusrule.yaml</c>) and overview dashboard, proven with promtool:
    /// the rules load, CircuitBreakerActive fires on an ejecting outbound cluster and only then, and every panel's query parses.
    /// </summary>
    public sealed class PlatformAlertsTests
    {
        private static readonly Dictionary<string, string> Files =
            PlatformRenderer.Render(PlatformDefaults.Spec).Files.ToDictionary(f => f.Path, f => f.Content);

        [SkippableFact]
        public void Platform_prometheus_rule_passes_promtool_check_rules()
        {
            Promtool.SkipIfMissing();
            using var dir = new TempDir();
            string file = dir.Write("rules.yaml", new RuleFile().AddPrometheusRule(Files["platform/prometheusrule.yaml"]).Text);

            Assert.Contains("SUCCESS: 2 rules found", Promtool.RunOk(dir.Path, file, "check", "rules", file));
        }

        [SkippableFact]
        public void CircuitBreakerActive_fires_for_an_outbound_cluster_ejecting_hosts_and_not_for_inbound_or_idle_ones()
        {
            Promtool.SkipIfMissing();
            var rules = new RuleFile().AddPrometheusRule(Files["platform/prometheusrule.yaml"]);
            const string inventory = "outbound|8080||inventory-service.default.svc.cluster.local";
            var suite = new RuleTestFile();
            suite.Test("an outbound cluster ejects a host for three minutes")
                .Series(IstioQueries.EjectionsActive, new Dictionary<string, string> { ["cluster_name"] = inventory, ["pod"] = "checkout-1" }, "0 0 1 1 1 1 1")
                .Series(IstioQueries.EjectionsActive, new Dictionary<string, string> { ["cluster_name"] = "outbound|8080||payment-service.default.svc.cluster.local", ["pod"] = "checkout-1" }, "0x6")
                // Inbound clusters never eject; a stray sample of one must not page anyone.
                .Series(IstioQueries.EjectionsActive, new Dictionary<string, string> { ["cluster_name"] = "inbound|8080||", ["pod"] = "inventory-1" }, "1x6")
                .Expect("1m", MeshAlertRules.CircuitBreakerActiveAlert)
                .Expect("4m", MeshAlertRules.CircuitBreakerActiveAlert, new ExpectedAlert(
                    new Dictionary<string, string> { ["severity"] = "warning", ["cluster_name"] = inventory },
                    new Dictionary<string, string>
                    {
                        ["summary"] = "Circuit breaker active for " + inventory,
                        ["description"] = "Hosts are being ejected — upstream service may be unhealthy",
                    }));

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        [SkippableFact]
        public void Every_mesh_dashboard_query_parses()
        {
            Promtool.SkipIfMissing();
            var dashboard = JsonNode.Parse(Files["platform/mesh-dashboard.json"])!;
            var rules = new SequenceNode();
            int count = 0;
            foreach (JsonNode? panel in dashboard["panels"]!.AsArray())
            {
                foreach (JsonNode? target in panel!["targets"]!.AsArray())
                {
                    // As Grafana substitutes "All".
                    string expr = target!["expr"]!.GetValue<string>()
                        .Replace("$" + GrafanaDashboardBuilder.NamespaceVariable, ".*")
                        .Replace("$" + MeshDashboardBuilder.ServiceVariable, ".*");
                    rules.Add(new MapNode().Set("record", $"mesh_dashboard:panel_{panel["id"]}:{target["refId"]}").Set("expr", expr));
                    count++;
                }
            }

            using var dir = new TempDir();
            string file = dir.Write("dashboard-rules.yaml", YamlRenderer.Render(new MapNode().Set("groups", new SequenceNode().Add(new MapNode()
                .Set("name", "mesh-dashboard")
                .Set("rules", rules)))));

            Assert.Equal(5, count);
            Assert.Contains("SUCCESS: 5 rules found", Promtool.RunOk(dir.Path, file, "check", "rules", file));
        }

        [Fact]
        public void The_dashboard_shows_rate_errors_and_p99_per_service_picked_by_a_variable_mtls_coverage_and_ejections()
        {
            var dashboard = JsonNode.Parse(Files["platform/mesh-dashboard.json"])!;
            var titles = dashboard["panels"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()).ToList();
            var variables = dashboard["templating"]!["list"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();

            Assert.Equal(
                new[] { "Request Rate (req/s) — per service", "Error Rate (5xx %) — per service", "P99 Latency (ms) — per service", "Active Ejections (circuit breakers)", "mTLS Coverage" },
                titles);
            Assert.Equal(new[] { "datasource", "namespace", "service" }, variables);
            foreach (JsonNode? panel in dashboard["panels"]!.AsArray().Take(3))
            {
                Assert.Contains("destination_service_name=~\"$service\"", panel!["targets"]![0]!["expr"]!.GetValue<string>());
            }
        }
    }
}
