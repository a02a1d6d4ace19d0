using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary><c>promtool check rules</c> over every generated rule group and every dashboard expression.</summary>
    public sealed class PromtoolCheckTests
    {
        public static TheoryData<string> Services => new(CaseStudy.All.Select(s => s.Name));

        [SkippableTheory]
        [MemberData(nameof(Services))]
        public void Generated_rule_group_passes_promtool_check_rules(string name)
        {
            Promtool.SkipIfMissing();
            ServiceSpec service = CaseStudy.All.Single(s => s.Name == name);
            using var dir = new TempDir();
            string file = dir.Write("rules.yaml", new RuleFile().AddPrometheusRule(CaseStudy.File(service, "prometheusrule.yaml")).Text);

            string output = Promtool.RunOk(dir.Path, file, "check", "rules", file);

            // CircuitBreakerActive only with outlier detection.
            int expected = ResilienceFeatures.HasOutlierDetection(service) ? 4 : 3;
            Assert.Contains($"SUCCESS: {expected} rules found", output);
        }

        [SkippableFact]
        public void Mesh_wide_alerts_pass_promtool_check_rules()
        {
            Promtool.SkipIfMissing();
            using var dir = new TempDir();
            string file = dir.Write("rules.yaml", new RuleFile().AddPrometheusRule(YamlRenderer.Render(MeshAlertRules.PrometheusRule())).Text);

            Assert.Contains("SUCCESS: 2 rules found", Promtool.RunOk(dir.Path, file, "check", "rules", file));
        }

        [SkippableTheory]
        [MemberData(nameof(Services))]
        public void Every_dashboard_expression_parses(string name)
        {
            Promtool.SkipIfMissing();
            ServiceSpec service = CaseStudy.All.Single(s => s.Name == name);
            var exprs = DashboardExpressions(service).ToList();
            int panels = JsonNode.Parse(CaseStudy.File(service, "dashboard.json"))!["panels"]!.AsArray().Count;
            Assert.Equal(panels + 1, exprs.Count); // one query a panel, two for the connection pool

            // Each expression becomes a recording rule, with the dashboard variable as Grafana would substitute it.
            var rules = new SequenceNode();
            foreach (var (record, expr) in exprs)
            {
                rules.Add(new MapNode()
                    .Set("record", record)
                    .Set("expr", expr.Replace("$" + GrafanaDashboardBuilder.NamespaceVariable, service.EffectiveNamespace)));
            }

            using var dir = new TempDir();
            string file = dir.Write("dashboard-rules.yaml", YamlRenderer.Render(new MapNode().Set("groups", new SequenceNode().Add(new MapNode()
                .Set("name", "dashboard")
                .Set("rules", rules)))));

            Assert.Contains($"SUCCESS: {exprs.Count} rules found", Promtool.RunOk(dir.Path, file, "check", "rules", file));
        }

        [SkippableFact]
        public void A_broken_expression_makes_promtool_check_fail()
        {
            Promtool.SkipIfMissing();
            using var dir = new TempDir();
            string file = dir.Write("rules.yaml", "groups:\n  - name: broken\n    rules:\n      - record: broken:rule\n        expr: sum(rate(istio_requests_total[5m]) by (x)\n");

            var (code, output) = Promtool.Run(dir.Path, "check", "rules", file);

            Assert.True(code != 0, output);
        }

        internal static IEnumerable<(string Record, string Expr)> DashboardExpressions(ServiceSpec service)
        {
            var dashboard = JsonNode.Parse(CaseStudy.File(service, "dashboard.json"))!;
            foreach (JsonNode? panel in dashboard["panels"]!.AsArray())
            {
                foreach (JsonNode? target in panel!["targets"]!.AsArray())
                {
                    yield return ($"dashboard:panel_{panel["id"]}:{target!["refId"]}", target["expr"]!.GetValue<string>());
                }
            }
        }
    }
}
