using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>samples/Unsafe shows every warning on purpose: a real build reports exactly those, and still writes its manifests.</summary>
    public class UnsafeSampleTests
    {
        [Fact]
        public void Building_the_unsafe_showcase_reports_exactly_the_eight_outage_warnings()
        {
            string root = SharedFolder.Current.RepoRoot!;
            string output = Path.Combine(Path.GetTempPath(), "mesh-unsafe-" + Guid.NewGuid().ToString("N")) + Path.DirectorySeparatorChar;
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
                    "-p:MeshManifestsOutputPath=" + output);

                Assert.True(exitCode == 0, log);
                var ids = Regex.Matches(log, @"warning (MESH\d{3}):").Select(m => m.Groups[1].Value).Distinct().OrderBy(id => id).ToArray();
                Assert.Equal(new[] { "MESH100", "MESH101", "MESH102", "MESH103", "MESH104", "MESH105", "MESH106", "MESH107" }, ids);
                Assert.DoesNotContain("error MESH", log);
                Assert.True(File.Exists(Path.Combine(output, "unsafe-payments", "virtualservice.yaml")), "warnings do not stop the manifests");
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }
    }
}
