using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Cli
{
    /// <summary>
    /// The report as SARIF 2.1.0, which code-scanning UIs show inline: one run whose driver lists every rule with its help
    /// page, a result per finding at its file, line and column (the chain as a property), and the input problems as tool
    /// execution notifications (the run is then not successful).
    /// </summary>
    public static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

        public static void Write(MeshManifests manifests, IReadOnlyList<MeshFinding> findings, TextWriter output)
        {
            var ruleIndex = MeshRule.All.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", SchemaUri);
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();

                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "mesh");
                json.WriteString("fullName", "MeshAttributes mesh check");
                json.WriteString("informationUri", "https://github.com/meshattributes/meshattributes");
                json.WriteString("semanticVersion", Version());
                json.WriteStartArray("rules");
                foreach (MeshRule rule in MeshRule.All)
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Id);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", rule.Title);
                    json.WriteEndObject();
                    json.WriteString("helpUri", rule.HelpUri);
                    json.WriteStartObject("defaultConfiguration");
                    json.WriteString("level", Level(rule.Severity));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();

                json.WriteStartArray("invocations");
                json.WriteStartObject();
                json.WriteBoolean("executionSuccessful", manifests.Problems.Count == 0);
                json.WriteStartArray("toolExecutionNotifications");
                foreach (InputProblem problem in manifests.Problems)
                {
                    json.WriteStartObject();
                    json.WriteString("level", "error");
                    WriteMessage(json, problem.Message);
                    WriteLocations(json, problem.Location);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();

                json.WriteStartArray("results");
                foreach (MeshFinding finding in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", finding.Id);
                    if (ruleIndex.TryGetValue(finding.Id, out int index))
                    {
                        json.WriteNumber("ruleIndex", index);
                    }

                    json.WriteString("level", Level(finding.Severity));
                    WriteMessage(json, finding.Message);
                    if (finding.Location is { } at)
                    {
                        WriteLocations(json, at);
                    }

                    json.WriteStartObject("properties");
                    json.WriteString("service", finding.Service);
                    if (finding.Path.Count > 0)
                    {
                        json.WriteStartArray("path");
                        foreach (string service in finding.Path)
                        {
                            json.WriteStringValue(service);
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        private static string Level(FindingSeverity severity) => severity == FindingSeverity.Error ? "error" : "warning";

        private static void WriteMessage(Utf8JsonWriter json, string text)
        {
            json.WriteStartObject("message");
            json.WriteString("text", text);
            json.WriteEndObject();
        }

        private static void WriteLocations(Utf8JsonWriter json, SourceLocation at)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", ArtifactUri(at.File));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", Math.Max(1, at.Line));
            json.WriteNumber("startColumn", Math.Max(1, at.Column));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        // A relative path stays relative (code-scanning resolves it against the checkout); an absolute one becomes a file URI.
        internal static string ArtifactUri(string path) =>
            Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

        private static string Version() =>
            typeof(SarifReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
    }
}
