using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;
using MeshAttributes.Core.Resources;
using MeshAttributes.Observability.Tests.Harness;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>Every generated PrometheusRule and dashboard against the third-party schemas in the shared folder.</summary>
    public sealed class SchemaTests
    {
        private const string PrometheusRuleSchema = "schemas/json/monitoring.coreos.com/prometheusrule_v1.json";
        private const string Grafana = "schemas/grafana/foundation-sdk-main/";

        public static TheoryData<string> Services => new(CaseStudy.All.Select(s => s.Name));

        [SkippableTheory]
        [MemberData(nameof(Services))]
        public void PrometheusRule_validates_against_the_operator_schema(string name)
        {
            var schema = Schemas.Get(PrometheusRuleSchema);
            JsonNode? rule = YamlNodes.ToJson(CaseStudy.File(Service(name), "prometheusrule.yaml"));
            Schemas.AssertValid(schema, rule, name + "/prometheusrule.yaml");
        }

        [SkippableFact]
        public void Mesh_wide_PrometheusRule_validates_against_the_operator_schema()
        {
            var schema = Schemas.Get(PrometheusRuleSchema);
            Schemas.AssertValid(schema, YamlNodes.ToJson(YamlRenderer.Render(MeshAlertRules.PrometheusRule())), "mesh-wide PrometheusRule");
        }

        [SkippableFact]
        public void The_schema_rejects_a_broken_PrometheusRule()
        {
            var schema = Schemas.Get(PrometheusRuleSchema);
            var rule = YamlNodes.ToJson(CaseStudy.File(CaseStudy.Inventory, "prometheusrule.yaml"))!;
            rule["spec"]!["groups"]![0]!["rules"]![0]!["for"] = "two minutes";
            Assert.False(schema.Evaluate(rule).IsValid);
        }

        [SkippableTheory]
        [MemberData(nameof(Services))]
        public void Dashboard_validates_against_the_Grafana_schema(string name)
        {
            var schema = Schemas.Get(Grafana + "dashboard.jsonschema.json");
            var dashboard = JsonNode.Parse(CaseStudy.File(Service(name), "dashboard.json"));
            Schemas.AssertValid(schema, dashboard, name + "/dashboard.json");
        }

        [SkippableTheory]
        [MemberData(nameof(Services))]
        public void Panel_options_and_queries_validate_against_their_plugin_schemas(string name)
        {
            var dashboard = JsonNode.Parse(CaseStudy.File(Service(name), "dashboard.json"))!;
            var query = Schemas.Get(Grafana + "prometheus.jsonschema.json");
            foreach (JsonNode? panel in dashboard["panels"]!.AsArray())
            {
                string type = panel!["type"]!.GetValue<string>();
                string where = $"{name} panel {panel["id"]} ({type})";
                Schemas.AssertValid(Schemas.Get(Grafana + type + ".jsonschema.json", "Options"), panel["options"], where + " options");
                if (type == "timeseries")
                {
                    Schemas.AssertValid(Schemas.Get(Grafana + "timeseries.jsonschema.json", "FieldConfig"), panel["fieldConfig"]!["defaults"]!["custom"], where + " custom field config");
                }

                foreach (JsonNode? target in panel["targets"]!.AsArray())
                {
                    Schemas.AssertValid(query, target, where + " target " + target!["refId"]);
                }
            }
        }

        [SkippableFact]
        public void The_schema_rejects_a_broken_dashboard()
        {
            var schema = Schemas.Get(Grafana + "dashboard.jsonschema.json");
            var dashboard = JsonNode.Parse(CaseStudy.File(CaseStudy.Inventory, "dashboard.json"))!;
            dashboard["panels"]![0]!["gridPos"]!["w"] = 30;
            Assert.False(schema.Evaluate(dashboard).IsValid);
        }

        private static ServiceSpec Service(string name) => CaseStudy.All.Single(s => s.Name == name);
    }
}
