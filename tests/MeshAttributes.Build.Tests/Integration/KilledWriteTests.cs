using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>
    /// A build killed while the task writes manifests: a real MSBuild process (<c>dotnet msbuild</c>) runs the real task
    /// over a folder of existing manifests and is killed (SIGKILL) as soon as its first temp file appears, while it is
    /// still writing the rest. Every manifest must then be the old one or the new one, whole, and the next build removes
    /// the temp file the killed one left.
    /// </summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class KilledWriteTests : IDisposable
    {
        /// <summary>Kills that land while the task is writing (some manifests new, some old) before the test stops killing.</summary>
        private const int KillsWhileWriting = 3;

        /// <summary>At most this many kills, for a machine so fast or so slow that few land while writing.</summary>
        private const int MaxAttempts = 8;

        /// <summary>Enough files (400 of about 20 KB) that writing them all takes long enough to be killed in the middle.</summary>
        private const int Files = 400;

        private const int LinesPerFile = 800;

        private static readonly TimeSpan AttemptLimit = TimeSpan.FromMinutes(2);

        private readonly TaskAssemblyFixture fixture;
        private readonly ITestOutputHelper output;
        private readonly TempFolder temp = new();

        public KilledWriteTests(TaskAssemblyFixture fixture, ITestOutputHelper output)
        {
            this.fixture = fixture;
            this.output = output;
        }

        private string Output => temp.Combine("mesh") + Path.DirectorySeparatorChar;

        private string Stamp => temp.Combine("obj", "UserService.MeshManifests.stamp");

        private string ServiceFolder => Path.Combine(Output, "big-service");

        [Fact]
        public void A_build_killed_while_writing_leaves_every_manifest_old_or_new_never_half_and_the_next_build_completes_them()
        {
            byte[][] before = Enumerable.Range(0, Files).Select(i => Content("old", i)).ToArray();
            byte[][] after = Enumerable.Range(0, Files).Select(i => Content("new-value", i)).ToArray();
            string oldAssembly = Compile("Old", before);
            string newAssembly = Compile("New", after);
            string project = WriteProject();
            Assert.True(RunInProcess(oldAssembly), "the first write failed");

            int interrupted = 0;
            int tempsLeft = 0;
            int attempts = 0;
            // Until enough kills landed while writing, one of them inside a file (a temp file left for the next build).
            while (attempts < MaxAttempts && (interrupted < KillsWhileWriting || tempsLeft == 0))
            {
                int attempt = ++attempts;
                bool sawTemp = RunAndKillWhenTempAppears(project, newAssembly);
                int olds = 0;
                for (int i = 0; i < Files; i++)
                {
                    byte[] onDisk = File.ReadAllBytes(ManifestFile(i));
                    bool old = onDisk.AsSpan().SequenceEqual(before[i]);
                    Assert.True(old || onDisk.AsSpan().SequenceEqual(after[i]), $"attempt {attempt}: {ManifestFile(i)} is neither the old nor the new content ({onDisk.Length} bytes)");
                    olds += old ? 1 : 0;
                }

                string[] temps = Directory.GetFiles(ServiceFolder, "*.meshtmp");
                interrupted += sawTemp && olds > 0 ? 1 : 0;
                tempsLeft += temps.Length;
                output.WriteLine($"attempt {attempt}: killed {(sawTemp ? "once writing had begun" : "after the build ended by itself")}; {Files - olds} manifests new, {olds} old; temp files left: {temps.Length}");
                // The next build (the real task, in this process) restores the old manifests and removes the killed one's temp file.
                Assert.True(RunInProcess(oldAssembly), "restoring the old manifests failed");
                Assert.Empty(Directory.GetFiles(ServiceFolder, "*.meshtmp"));
            }

            // Without kills landing while the task was writing, this test would prove nothing.
            Assert.True(interrupted > 0, $"none of {attempts} kills landed while the task was writing");
            output.WriteLine($"{interrupted} of {attempts} builds killed while writing ({tempsLeft} in the middle of a file, each temp file removed by the next build); every manifest was whole, old or new.");

            // The next build, left to finish, writes every new manifest in full.
            Testing.DotnetRun next = Testing.DotnetCli.Run(temp.Path, MSBuildArguments(project, newAssembly));
            Assert.True(next.Succeeded, next.ToString());
            for (int i = 0; i < Files; i++)
            {
                Assert.Equal(after[i], File.ReadAllBytes(ManifestFile(i)));
            }

            Assert.Empty(Directory.GetFiles(Output, "*.meshtmp", SearchOption.AllDirectories));
        }

        public void Dispose() => temp.Dispose();

        private static string ManifestPath(int index) => $"big-service/part-{index:D3}.yaml";

        private string ManifestFile(int index) => Path.Combine(Output, ManifestPath(index));

        private static byte[] Content(string value, int index)
        {
            var text = new StringBuilder(LinesPerFile * 30);
            text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: part-").Append(index).Append("\ndata:\n");
            for (int i = 0; i < LinesPerFile; i++)
            {
                text.Append("  key-").Append(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)).Append(": ").Append(value).Append('\n');
            }

            return ManifestFileSystem.Utf8.GetBytes(text.ToString());
        }

        private string Compile(string name, byte[][] contents)
        {
            string folder = temp.Combine(name);
            Directory.CreateDirectory(folder);
            return TestAssembly.Compile(
                CSharpSource.Manifests(contents.Select((c, i) => (ManifestPath(i), ManifestFileSystem.Utf8.GetString(c))).ToArray()),
                folder);
        }

        /// <summary>A project that only runs the task, loaded into MSBuild's own process (AssemblyTaskFactory): the process killed is the one writing.</summary>
        private string WriteProject()
        {
            string project = temp.Combine("write.proj");
            File.WriteAllText(project, $"""
                <Project>
                  <UsingTask TaskName="MeshAttributes.Build.WriteMeshManifests" AssemblyFile="{fixture.TaskAssembly}" />
                  <Target Name="Write">
                    <WriteMeshManifests AssemblyPath="$(MeshAssembly)" OutputPath="{Output}" StampFile="{Stamp}" />
                  </Target>
                </Project>
                """);
            return project;
        }

        private static string[] MSBuildArguments(string project, string assembly) =>
            ["msbuild", project, "-t:Write", "-nologo", "-nodeReuse:false", "-v:m", $"-p:MeshAssembly={assembly}"];

        /// <summary>Runs the build, polls the service folder, and kills the build when a temp file shows up (or it ends by itself).</summary>
        private bool RunAndKillWhenTempAppears(string project, string assembly)
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = temp.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string argument in MSBuildArguments(project, assembly))
            {
                start.ArgumentList.Add(argument);
            }

            foreach (string name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                start.Environment.Remove(name);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using Process build = Process.Start(start)!;
            build.OutputDataReceived += (_, _) => { };
            build.ErrorDataReceived += (_, _) => { };
            build.BeginOutputReadLine();
            build.BeginErrorReadLine();

            string folder = ServiceFolder;
            Stopwatch clock = Stopwatch.StartNew();
            bool sawTemp = false;
            while (!build.HasExited && clock.Elapsed < AttemptLimit)
            {
                if (Directory.EnumerateFiles(folder, "*.meshtmp").Any())
                {
                    sawTemp = true;
                    break;
                }

                Thread.SpinWait(1_000);
            }

            if (!build.HasExited)
            {
                // The task runs inside this process (AssemblyTaskFactory, no worker node): killing it alone is immediate,
                // where walking the process tree first would give the task time to finish.
                build.Kill();
            }

            Assert.True(build.WaitForExit(60_000), "the killed build did not exit");
            return sawTemp;
        }

        private bool RunInProcess(string assembly) =>
            new WriteMeshManifests { BuildEngine = new FakeBuildEngine(), AssemblyPath = assembly, OutputPath = Output, StampFile = Stamp }.Execute();
    }
}
