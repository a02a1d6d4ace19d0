using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Observability.Tests
{
    public sealed class DashboardTests
    {
        [Fact]
        public void Dashboard_has_the_case_study_panels_settings_and_namespace_variable()
        {
            var dashboard = JsonNode.Parse(CaseStudy.File(CaseStudy.Inventory, "dashboard.json"))!;

            Assert.Equal("10s", dashboard["refresh"]!.GetValue<string>());
            Assert.Equal("now-1h", dashboard["time"]!["from"]!.GetValue<string>());
            Assert.Equal(
                new[] { "Request Rate (req/s)", "Error Rate (5xx %)", "P50 Latency (ms)", "P95 Latency (ms)", "P99 Latency (ms)", "Circuit Breaker Ejections", "Connection Pool Overflow", "mTLS Coverage" },
                dashboard["panels"]!.AsArray().Select(p => p!["title"]!.GetValue<string>()));
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7, 8 }, dashboard["panels"]!.AsArray().Select(p => p!["id"]!.GetValue<int>()));
            var ns = dashboard["templating"]!["list"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "namespace")!;
            Assert.Equal("default", ns["current"]!["value"]!.GetValue<string>());
        }

        [Fact]
        public void Every_query_is_filtered_to_the_service_and_the_namespace_variable()
        {
            foreach (var (record, expr) in PromtoolCheckTests.DashboardExpressions(CaseStudy.Inventory))
            {
                bool istio = expr.Contains("destination_service_name=\"inventory-service\"") && expr.Contains("destination_service_namespace=\"$namespace\"");
                bool envoy = expr.Contains(@"\\|inventory-service\\.$namespace\\.svc\\.cluster\\.local");
                Assert.True(istio ^ envoy, $"{record} is not scoped to inventory-service: {expr}");
                int selectors = Regex.Matches(expr, "(istio_|envoy_)[a-z_]+\\{").Count;
                int scoped = Regex.Matches(expr, "destination_service_name=\"inventory-service\"|cluster_name=~").Count;
                Assert.True(selectors == scoped, $"{record} reads a metric without the service filter: {expr}");
            }
        }

        [Fact]
        public void Ejections_are_drawn_only_with_outlier_detection_and_retry_overflow_only_where_retries_are_capped()
        {
            string[] Titles(ServiceSpec service) =>
                Panels(service).Select(p => p!["title"]!.GetValue<string>()).ToArray();

            // inventory-service: [CircuitBreaker], retries uncapped.
            Assert.Contains("Circuit Breaker Ejections", Titles(CaseStudy.Inventory));
            Assert.DoesNotContain("Retry Overflow", Titles(CaseStudy.Inventory));

            // payment-service: ConnectionPool.MaxRetries, no [CircuitBreaker].
            Assert.DoesNotContain("Circuit Breaker Ejections", Titles(CaseStudy.Payment));
            Assert.Contains("Retry Overflow", Titles(CaseStudy.Payment));

            var budget = CaseStudy.Service("orders", retryBudget: new RetryBudgetSpec(20, null), circuitBreaker: new CircuitBreakerSpec(3, null, null, null, null, null));
            Assert.Equal(
                new[] { "Request Rate (req/s)", "Error Rate (5xx %)", "P50 Latency (ms)", "P95 Latency (ms)", "P99 Latency (ms)", "Circuit Breaker Ejections", "Connection Pool Overflow", "Retry Overflow", "mTLS Coverage" },
                Titles(budget));
            Assert.DoesNotContain("Retry Overflow", Titles(CaseStudy.Service("orders", retryBudget: new RetryBudgetSpec(null, null))));
        }

        [Fact]
        public void Each_panel_keeps_its_id_and_the_upstream_row_is_shared_evenly()
        {
            // id → (x, width) of the row at y = 16, with and without the optional panels.
            (int, int, int)[] Row(ServiceSpec service) => Panels(service)
                .Where(p => p!["gridPos"]!["y"]!.GetValue<int>() == 16)
                .Select(p => (p!["id"]!.GetValue<int>(), p["gridPos"]!["x"]!.GetValue<int>(), p["gridPos"]!["w"]!.GetValue<int>()))
                .ToArray();

            Assert.Equal(new[] { (6, 0, 12), (7, 12, 12) }, Row(CaseStudy.Inventory));
            Assert.Equal(new[] { (7, 0, 12), (9, 12, 12) }, Row(CaseStudy.Payment));
            Assert.Equal(new[] { (7, 0, 24) }, Row(CaseStudy.Shipping));
            var both = CaseStudy.Inventory with { RetryBudget = new RetryBudgetSpec(20, 3) };
            Assert.Equal(new[] { (6, 0, 8), (7, 8, 8), (9, 16, 8) }, Row(both));
        }

        [Fact]
        public void Retry_overflow_reads_the_callers_outbound_clusters_of_the_service()
        {
            string expr = Panels(CaseStudy.Payment).Single(p => p!["title"]!.GetValue<string>() == "Retry Overflow")!["targets"]![0]!["expr"]!.GetValue<string>();

            Assert.StartsWith("sum(rate(envoy_cluster_upstream_rq_retry_overflow{", expr);
            string cluster = "outbound|8080||payment-service.default.svc.cluster.local";
            var matcher = new Regex("^" + Regex.Match(expr, "cluster_name=~\"(.*)\"").Groups[1].Value.Replace("\\\\", "\\").Replace("$namespace", "default") + "$");
            Assert.Matches(matcher, cluster);
            Assert.DoesNotMatch(matcher, "outbound|8080||payment-service-v2.default.svc.cluster.local");
            Assert.DoesNotMatch(matcher, "inbound|8080||");
        }

        [Fact]
        public void Error_panel_counts_what_callers_see_and_mTLS_coverage_is_a_rate()
        {
            var panels = Panels(CaseStudy.Inventory);
            string Expr(string title) => panels.Single(p => p!["title"]!.GetValue<string>() == title)!["targets"]![0]!["expr"]!.GetValue<string>();

            string errors = Expr("Error Rate (5xx %)");
            Assert.Equal(2, Regex.Matches(errors, "reporter=\"source\"").Count);
            Assert.DoesNotContain("reporter=\"destination\"", errors);

            string mtls = Expr("mTLS Coverage");
            Assert.Equal(2, Regex.Matches(mtls, @"sum\(rate\(istio_requests_total\{reporter=""destination"",[^}]*\}\[5m\]\)\)").Count);
            Assert.Contains("connection_security_policy=\"mutual_tls\"", mtls);
        }

        [Fact]
        public void Uid_is_stable_short_and_differs_between_services()
        {
            string uid = JsonNode.Parse(CaseStudy.File(CaseStudy.Inventory, "dashboard.json"))!["uid"]!.GetValue<string>();
            Assert.Equal(GrafanaDashboardBuilder.Uid("inventory-service"), uid);
            Assert.Equal(uid, GrafanaDashboardBuilder.Uid("inventory-service"));

            string longName = new string('a', 63);
            string a = GrafanaDashboardBuilder.Uid(longName);
            string b = GrafanaDashboardBuilder.Uid(longName[..62] + "b");
            Assert.True(a.Length <= 40 && b.Length <= 40, a);
            Assert.NotEqual(a, b);
            Assert.Matches("^[a-z0-9-]{1,40}$", a);
            Assert.NotEqual(uid, GrafanaDashboardBuilder.Uid("payment-service"));
        }

        [Fact]
        public void Uid_depends_on_the_name_only_so_every_namespace_shares_the_dashboard()
        {
            string here = CaseStudy.File(CaseStudy.Inventory, "dashboard.json");
            string staging = CaseStudy.File(CaseStudy.Service("inventory-service", "staging"), "dashboard.json");
            Assert.Equal(JsonNode.Parse(here)!["uid"]!.ToJsonString(), JsonNode.Parse(staging)!["uid"]!.ToJsonString());
        }

        [Fact]
        public void Thresholds_of_Alerting_are_drawn_on_the_error_rate_and_P99_panels()
        {
            var panels = JsonNode.Parse(CaseStudy.File(CaseStudy.Payment, "dashboard.json"))!["panels"]!.AsArray();
            double[] Steps(int id) => panels.Single(p => p!["id"]!.GetValue<int>() == id)!["fieldConfig"]!["defaults"]!["thresholds"]!["steps"]!
                .AsArray().Select(s => s!["value"]!.GetValue<double>()).ToArray();

            Assert.Equal(new[] { 0d, 2, 10 }, Steps(2));
            Assert.Equal(new[] { 0d, 1000 }, Steps(5));
        }

        [Fact]
        public void ConfigMap_carries_the_sidecar_label_and_exactly_dashboard_json()
        {
            var configMap = YamlNodes.Load(CaseStudy.File(CaseStudy.Inventory, "grafana-dashboard.yaml"));

            Assert.Equal("ConfigMap", configMap.Text("kind"));
            var label = (YamlScalarNode)configMap.At("metadata", "labels", "grafana_dashboard");
            Assert.Equal("1", label.Value);
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, label.Style); // a plain 1 is a number, which Kubernetes rejects
            Assert.Equal(CaseStudy.File(CaseStudy.Inventory, "dashboard.json"), configMap.Text("data", "inventory-service.json"));
        }

        [Fact]
        public void Kustomization_lists_the_rule_and_the_ConfigMap_but_not_dashboard_json()
        {
            var resources = ((YamlSequenceNode)YamlNodes.Load(CaseStudy.File(CaseStudy.Inventory, "kustomization.yaml")).At("resources"))
                .Select(n => ((YamlScalarNode)n).Value).ToList();

            Assert.Contains("prometheusrule.yaml", resources);
            Assert.Contains("grafana-dashboard.yaml", resources);
            Assert.DoesNotContain("dashboard.json", resources);
        }

        private static JsonArray Panels(ServiceSpec service) =>
            JsonNode.Parse(CaseStudy.File(service, "dashboard.json"))!["panels"]!.AsArray();

        [Fact]
        public void Output_is_deterministic()
        {
            ServiceSpec copy = CaseStudy.Payment with { };
            foreach (string file in new[] { "prometheusrule.yaml", "dashboard.json", "grafana-dashboard.yaml" })
            {
                Assert.Equal(CaseStudy.File(CaseStudy.Payment, file), CaseStudy.File(copy, file));
            }
        }
    }
}
