using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>samples/Unsafe shows every warning on purpose: a real build reports exactly those, and still writes its manifests.</summary>
    public class UnsafeSampleTests
    {
        [Fact]
        public void Building_the_unsafe_showcase_reports_exactly_the_eight_outage_warnings_in_the_build_and_in_sarif()
        {
            string root = SharedFolder.Current.RepoRoot!;
            string output = Path.Combine(Path.GetTempPath(), "mesh-unsafe-" + Guid.NewGuid().ToString("N")) + Path.DirectorySeparatorChar;
            Directory.CreateDirectory(output);
            try
            {
                var (_, exitCode, log) = DotnetCli.Run(
                    root,
                    "build",
                    Path.Combine("samples", "Unsafe", "UnsafeShowcase", "UnsafeShowcase.csproj"),
                    // Warnings are reported only when the compiler runs, so never take an up-to-date build.
                    "--no-incremental",
                    "-nodeReuse:false",
                    "-p:BuildProjectReferences=false",
                    "-p:MeshManifestsOutputPath=" + output,
                    "-p:ErrorLog=" + Path.Combine(output, "build.sarif"));

                Assert.True(exitCode == 0, log);
                var ids = Regex.Matches(log, @"warning (MESH\d{3}):").Select(m => m.Groups[1].Value).Distinct().OrderBy(id => id).ToArray();
                Assert.Equal(new[] { "MESH100", "MESH101", "MESH102", "MESH103", "MESH104", "MESH105", "MESH106", "MESH107" }, ids);
                Assert.DoesNotContain("error MESH", log);
                Assert.True(File.Exists(Path.Combine(output, "unsafe-payments", "virtualservice.yaml")), "warnings do not stop the manifests");

                // The compiler's SARIF log carries the same diagnostics, with each rule's help link.
                using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "build.sarif")));
                var sarifIds = Descendants(sarif.RootElement)
                    .Where(p => p.Name == "ruleId" && p.Value.GetString()!.StartsWith("MESH", StringComparison.Ordinal))
                    .Select(p => p.Value.GetString()!).Distinct().OrderBy(id => id).ToArray();
                Assert.Equal(ids, sarifIds);
                Assert.Contains("docs/rules/MESH100.md", File.ReadAllText(Path.Combine(output, "build.sarif")));
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }

        private static System.Collections.Generic.IEnumerable<JsonProperty> Descendants(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    yield return property;
                    foreach (JsonProperty inner in Descendants(property.Value))
                    {
                        yield return inner;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in element.EnumerateArray())
                {
                    foreach (JsonProperty inner in Descendants(item))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }
}
