using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;

namespace MeshAttributes.Cli
{
    /// <summary>
    /// The machine-readable report: <c>{ "services", "files", "findings": [{ id, severity, service, message, file, line,
    /// column, path }], "problems": [{ file, line, column, message }] }</c>, findings in the text report's order.
    /// </summary>
    public static class JsonReport
    {
        public static void Write(MeshManifests manifests, IReadOnlyList<MeshFinding> findings, TextWriter output)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteNumber("services", manifests.Services.Count);
                json.WriteNumber("files", manifests.FileCount);
                json.WriteStartArray("findings");
                foreach (MeshFinding finding in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("id", finding.Id);
                    json.WriteString("severity", TextReport.Severity(finding.Severity));
                    json.WriteString("service", finding.Service);
                    json.WriteString("message", finding.Message);
                    if (finding.Location is { } at)
                    {
                        WriteLocation(json, at);
                    }

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
                }

                json.WriteEndArray();
                json.WriteStartArray("problems");
                foreach (InputProblem problem in manifests.Problems)
                {
                    json.WriteStartObject();
                    WriteLocation(json, problem.Location);
                    json.WriteString("message", problem.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }

        private static void WriteLocation(Utf8JsonWriter json, SourceLocation at)
        {
            json.WriteString("file", at.File);
            json.WriteNumber("line", at.Line);
            json.WriteNumber("column", at.Column);
        }
    }
}
