using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using Xunit;
using static MeshAttributes.Cli.Tests.Mesh;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>The SARIF report is valid SARIF 2.1.0 (the OASIS schema, vendored under Schemas/; see its PROVENANCE.md).</summary>
    public class SarifSchemaTests
    {
        private static readonly Lazy<JsonSchema> Schema = new(() =>
        {
            // Draft-04 text read as draft-07: the root "id" is "$id" there; no other keyword it uses changed meaning.
            var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-2.1.0-rtm.5.json")))!.AsObject();
            schema["$schema"] = "http://json-schema.org/draft-07/schema#";
            schema["$id"] = schema["id"]!.GetValue<string>();
            schema.Remove("id");
            return JsonSchema.FromText(schema.ToJsonString());
        });

        private static void AssertValid(string sarif)
        {
            EvaluationResults results = Schema.Value.Evaluate(JsonNode.Parse(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List });
            string errors = string.Join("\n", (results.Details ?? Array.Empty<EvaluationResults>())
                .Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}"));
            Assert.True(results.IsValid, errors);
        }

        [Fact]
        public void Findings_with_chains_and_input_problems_are_valid_sarif()
        {
            var files = Render(
                Service("checkout-service", "payment-service", "ghost").InApp("*", 3).Timeout("1s"),
                Service("payment-service", "inventory-service").Retry(3, "2s", "10s").Allow("someone"),
                Service("inventory-service").Retry(3, "1s", "5s"));
            files.Add(("broken file.yaml", "kind: [\n"));
            MeshManifests manifests = ManifestReader.ReadTexts(files);
            var findings = MeshCheck.Run(manifests);
            Assert.Contains(findings, f => f.Path.Count > 0);

            var output = new StringWriter();
            SarifReport.Write(manifests, findings, output);

            AssertValid(output.ToString());
            JsonNode run = JsonNode.Parse(output.ToString())!["runs"]![0]!;
            Assert.Equal(findings.Count, run["results"]!.AsArray().Count);
            Assert.Equal("broken%20file.yaml", run["invocations"]![0]!["toolExecutionNotifications"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        }

        [Fact]
        public void The_schema_rejects_what_is_not_sarif()
        {
            // The test above can fail: a result without its message is refused.
            Assert.False(Schema.Value.Evaluate(JsonNode.Parse("""{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"mesh"}},"results":[{"ruleId":"MESH200"}]}]}""")).IsValid);
        }
    }
}
