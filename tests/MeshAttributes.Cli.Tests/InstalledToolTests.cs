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
    /// <summary>
    /// The tool as a user gets it: <c>dotnet pack</c>, <c>dotnet tool install --tool-path</c> from the nupkg's folder, then
    /// <c>mesh</c> run as a process: its exit codes and output.
    /// </summary>
    public class InstalledToolTests
    {
        private static readonly string Configuration = typeof(InstalledToolTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;

        private static (int Exit, string Out, string Err) Exec(string file, string args, string? workingDirectory = null, string? nugetPackages = null)
        {
            var start = new ProcessStartInfo(file, args)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            if (nugetPackages is not null)
            {
                // An isolated packages folder: a copy of the tool installed by an earlier run is never used.
                start.Environment["NUGET_PACKAGES"] = nugetPackages;
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
            string project = Path.Combine(SharedFolder.Current.RepoRoot!, "src", "MeshAttributes.Cli", "MeshAttributes.Cli.csproj");
            using var feed = new TempDir();
            using var tools = new TempDir();
            using var mesh = new TempDir();

            // --no-build: the ProjectReference built the tool before the tests started, so nothing here writes to src/ while
            // other test projects build; the nuspec goes to the temp folder, not obj/.
            var pack = Exec("dotnet", $"pack \"{project}\" -c {Configuration} --no-build -o \"{feed.Path}\" -nologo -v q -p:PackageVersion=0.1.0-test -p:NuspecOutputPath=\"{feed.Path}/nuspec/\"");
            Assert.True(pack.Exit == 0, pack.Out + pack.Err);
            var install = Exec("dotnet", $"tool install --tool-path \"{tools.Path}\" --add-source \"{feed.Path}\" --version 0.1.0-test MeshAttributes.Cli", nugetPackages: Path.Combine(tools.Path, ".packages"));
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
    }
}
