using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    /// <summary>
    /// The temp files a killed build leaves (<c>.&lt;file&gt;.&lt;process id&gt;.&lt;hex&gt;.meshtmp</c>): the next build and
    /// <c>dotnet clean</c> remove those whose writer is gone, and never one that a build still running in the same folder
    /// is about to rename, nor any file of another name.
    /// </summary>
    public sealed class LeftoverTempFileTests : IDisposable
    {
        private readonly TempFolder temp = new();

        private string Output => temp.Combine("mesh") + Path.DirectorySeparatorChar;

        private string Stamp => temp.Combine("obj", "UserService.MeshManifests.stamp");

        private string ServiceFolder => Path.Combine(Output, "a-service");

        [Fact]
        public void The_next_build_and_clean_remove_a_temp_file_whose_writer_has_exited_and_nothing_else()
        {
            string source = CSharpSource.Manifests(("a-service/x.yaml", "x\n"));
            Assert.True(Run(source).Success);
            string leftover = Plant(ExitedProcessId());
            string[] others =
            [
                Plant(Environment.ProcessId),                                    // a live writer: this process
                Path.Combine(ServiceFolder, ".x.yaml.0123456789ab.meshtmp"),     // no process id: not this task's pattern
                Path.Combine(ServiceFolder, "notes.meshtmp"),
                Path.Combine(ServiceFolder, ".x.yaml.12.0123456789ab.meshtmp.bak"),
            ];
            foreach (string other in others.Skip(1))
            {
                File.WriteAllText(other, "not a leftover of this task\n");
            }

            TaskRun next = Run(source);

            Assert.True(next.Success, next.ErrorText);
            Assert.False(File.Exists(leftover), "the next build left the killed build's temp file");
            Assert.All(others, file => Assert.True(File.Exists(file), $"{file} was deleted"));

            string leftoverAgain = Plant(ExitedProcessId());
            Assert.True(new CleanMeshManifests { BuildEngine = new FakeBuildEngine(), StampFile = Stamp }.Execute());

            Assert.False(File.Exists(leftoverAgain), "clean left the killed build's temp file");
            Assert.False(File.Exists(Path.Combine(ServiceFolder, "x.yaml")));
            Assert.All(others, file => Assert.True(File.Exists(file), $"{file} was deleted by clean"));
        }

        [Fact]
        public void A_temp_file_of_a_build_running_at_the_same_moment_in_the_same_folder_stays_until_its_process_ends()
        {
            string source = CSharpSource.Manifests(("a-service/x.yaml", "x\n"));
            Assert.True(Run(source).Success);
            using Process concurrent = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
            string live = Plant(concurrent.Id);

            TaskRun whileRunning = Run(source);
            Assert.True(whileRunning.Success, whileRunning.ErrorText);
            Assert.True(File.Exists(live), "a build removed the temp file of a build still running");

            concurrent.Kill();
            concurrent.WaitForExit();
            TaskRun afterwards = Run(source);
            Assert.True(afterwards.Success, afterwards.ErrorText);
            Assert.False(File.Exists(live), "the temp file outlived its writer");
        }

        [Fact]
        public void A_temp_file_older_than_the_safe_age_is_a_leftover_whatever_process_now_has_its_id()
        {
            Directory.CreateDirectory(ServiceFolder);
            string old = Plant(4242);
            string fresh = Plant(4343);
            File.SetLastWriteTimeUtc(old, DateTime.UtcNow - ManifestTempFile.SafeAge - TimeSpan.FromMinutes(1));

            var removed = ManifestTempFile.RemoveLeftovers(ServiceFolder, DateTime.UtcNow, isRunning: _ => true);

            Assert.Equal([old], removed);
            Assert.True(File.Exists(fresh));
        }

        [Fact]
        public void Every_temp_name_the_task_makes_carries_this_process_id_and_matches_what_it_removes()
        {
            string name = Path.GetFileName(ManifestTempFile.For(Path.Combine(ServiceFolder, "virtualservice.yaml")));

            Assert.Matches($@"^\.virtualservice\.yaml\.{Environment.ProcessId}\.[0-9a-f]{{12}}\.meshtmp$", name);
            Directory.CreateDirectory(ServiceFolder);
            File.WriteAllText(Path.Combine(ServiceFolder, name), "");
            Assert.Equal([Path.Combine(ServiceFolder, name)], ManifestTempFile.RemoveLeftovers(ServiceFolder, DateTime.UtcNow, isRunning: _ => false));
        }

        public void Dispose() => temp.Dispose();

        /// <summary>A temp file as the task names it, written by the process <paramref name="pid"/>.</summary>
        private string Plant(int pid)
        {
            string path = Path.Combine(ServiceFolder, $".x.yaml.{pid}.{Guid.NewGuid().ToString("N")[..12]}.meshtmp");
            File.WriteAllText(path, "half a manifest");
            return path;
        }

        /// <summary>The id of a process that has run and exited (and been reaped), so no process has it now.</summary>
        private static int ExitedProcessId()
        {
            using Process process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
            process.WaitForExit();
            return process.Id;
        }

        private TaskRun Run(string source)
        {
            string dll = TestAssembly.Compile(source, temp.Path);
            var engine = new FakeBuildEngine();
            var task = new WriteMeshManifests { BuildEngine = engine, AssemblyPath = dll, OutputPath = Output, StampFile = Stamp };
            return new TaskRun(task.Execute(), task, engine);
        }
    }
}
