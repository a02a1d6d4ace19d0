using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using MeshAttributes.Testing;
using Xunit;
using static MeshAttributes.Cli.Tests.Mesh;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>The tool packed once for every test in <see cref="InstalledToolTests"/>: a folder holding its nupkg.</summary>
    public sealed class PackedTool : IDisposable
    {
        public const string Version = "0.1.0-test";

        private static readonly string Configuration = typeof(PackedTool).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

        private readonly TempDir _feed = new();

        public PackedTool()
        {
            string project = Path.Combine(SharedFolder.Current.RepoRoot!, "src", "MeshAttributes.Cli", "MeshAttributes.Cli.csproj");

            // --no-build: the ProjectReference built the tool before the tests started, so nothing here writes to src/ while
            // other test projects build; the nuspec goes to the temp folder, not obj/.
            var pack = InstalledToolTests.Exec("dotnet", $"pack \"{project}\" -c {Configuration} --no-build -o \"{Feed}\" -nologo -v q -p:PackageVersion={Version} -p:NuspecOutputPath=\"{Feed}/nuspec/\"");
            Assert.True(pack.Exit == 0, pack.Out + pack.Err);
        }

        /// <summary>The folder with the packed <c>MeshAttributes.Cli.&lt;version&gt;.nupkg</c>, a package source for <c>dotnet tool install</c>.</summary>
        public string Feed => _feed.Path;

        public void Dispose() => _feed.Dispose();
    }

    /// <summary>
    /// The tool as a user gets it: packed once (<see cref="PackedTool"/>), installed with <c>dotnet tool install</c> from the
    /// nupkg's folder — into a tool path, and as a local tool from a tool manifest — then run as a process: its exit codes
    /// and output.
    /// </summary>
    public class InstalledToolTests : IClassFixture<PackedTool>
    {
        private readonly PackedTool _tool;

        public InstalledToolTests(PackedTool tool) => _tool = tool;

        internal static (int Exit, string Out, string Err) Exec(string file, string args, string? workingDirectory = null, string? isolatedIn = null)
        {
            var start = new ProcessStartInfo(file, args)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            if (isolatedIn is not null)
            {
                // Packages and the CLI's own state (its cache of where local tools were restored) in a folder of the test's:
                // a copy of the tool installed by an earlier run is never used.
                start.Environment["NUGET_PACKAGES"] = Path.Combine(isolatedIn, ".packages");
                start.Environment["DOTNET_CLI_HOME"] = Path.Combine(isolatedIn, ".cli-home");
            }

            using Process process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), $"{file} {args} did not finish");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }

        [Fact]
        public void The_packed_tool_installs_and_checks_a_mesh()
        {
            using var tools = new TempDir();
            using var mesh = new TempDir();

            var install = Exec("dotnet", $"tool install --tool-path \"{tools.Path}\" --add-source \"{_tool.Feed}\" --version {PackedTool.Version} MeshAttributes.Cli", isolatedIn: tools.Path);
            Assert.True(install.Exit == 0, install.Out + install.Err);
            string tool = Path.Combine(tools.Path, OperatingSystem.IsWindows() ? "mesh.exe" : "mesh");

            WriteTo(mesh.Path, Service("a", "b"), Service("b", "c").Retry(3, "1s", "5s"), Service("c").Retry(3, "250ms", "2s"));
            var check = Exec(tool, "check .", mesh.Path);
            Assert.Equal(0, check.Exit);
            Assert.Contains("MESH200", check.Out);

            Assert.Equal(1, Exec(tool, "check . --fail-on warning", mesh.Path).Exit);
            var sarif = Exec(tool, "check . --format sarif", mesh.Path);
            Assert.Contains("\"version\": \"2.1.0\"", sarif.Out);

            var missing = Exec(tool, "check nowhere", mesh.Path);
            Assert.Equal(2, missing.Exit);
            Assert.Contains("nowhere:1:1: error: no such file or folder", missing.Out);
            Assert.DoesNotContain("Exception", missing.Out + missing.Err);

            var graph = Exec(tool, "graph . --format mermaid", mesh.Path);
            Assert.Equal(0, graph.Exit);
            Assert.Contains("flowchart LR", graph.Out);
        }

        [Fact]
        public void The_packed_tool_runs_as_dotnet_mesh_from_a_local_tool_manifest()
        {
            using var repo = new TempDir();
            using var isolated = new TempDir();

            // The repository's own package sources: only the folder with the packed tool, so nothing is fetched from a feed.
            repo.Write("nuget.config", $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="packed" value="{_tool.Feed}" />
                  </packageSources>
                </configuration>
                """);
            var manifest = Exec("dotnet", "new tool-manifest", repo.Path, isolated.Path);
            Assert.True(manifest.Exit == 0, manifest.Out + manifest.Err);
            var install = Exec("dotnet", $"tool install --local MeshAttributes.Cli --add-source \"{_tool.Feed}\" --version {PackedTool.Version}", repo.Path, isolated.Path);
            Assert.True(install.Exit == 0, install.Out + install.Err);
            // The SDK writes the manifest at the folder's root (.NET 10) or under .config/ (earlier SDKs).
            string toolManifest = new[] { "dotnet-tools.json", Path.Combine(".config", "dotnet-tools.json") }
                .Select(f => Path.Combine(repo.Path, f)).Single(File.Exists);
            Assert.Contains("\"meshattributes.cli\"", File.ReadAllText(toolManifest));

            string mesh = Path.Combine(repo.Path, "manifests");
            Directory.CreateDirectory(mesh);
            WriteTo(mesh, Service("a", "b"), Service("b", "c").Retry(3, "1s", "5s"), Service("c").Retry(3, "250ms", "2s"));
            var check = Exec("dotnet", "mesh check manifests", repo.Path, isolated.Path);
            Assert.True(check.Exit == 0, check.Out + check.Err);
            Assert.Contains("MESH200", check.Out);
            Assert.Contains("3 services in", check.Out);

            var failing = Exec("dotnet", "mesh check manifests --fail-on warning", repo.Path, isolated.Path);
            Assert.Equal(1, failing.Exit);
        }
    }
}
