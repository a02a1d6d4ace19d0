using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    /// <summary>
    /// A manifests folder the task cannot write, and manifests it no longer owns: the build fails with MESHB004 naming the
    /// path, the next build recovers, and stale-file deletion never touches a file someone else has written since.
    /// </summary>
    /// <remarks>
    /// The tests run as root in CI, and root ignores permission bits: a chmod-ed read-only folder would not stop a write.
    /// A regular file standing where the task needs a folder stops it for every user, so that is how a folder is made
    /// unwritable here.
    /// </remarks>
    public sealed class OutputFolderFaultTests : IDisposable
    {
        private readonly TempFolder temp = new();

        private string Output => temp.Combine("mesh") + Path.DirectorySeparatorChar;

        private string Stamp => temp.Combine("obj", "UserService.MeshManifests.stamp");

        [Fact]
        public void A_service_folder_that_cannot_be_created_fails_with_MESHB004_naming_the_file_and_the_next_build_recovers()
        {
            string source = CSharpSource.Manifests(("a-service/x.yaml", "x\n"), ("b-service/y.yaml", "y\n"));
            Directory.CreateDirectory(Output);
            string blocker = OutputFile("b-service");
            File.WriteAllText(blocker, "a file where the task needs the service folder");

            TaskRun failed = Run(source);

            Assert.False(failed.Success);
            BuildErrorEventArgs error = Assert.Single(failed.Engine.Errors);
            Assert.Equal("MESHB004", error.Code);
            Assert.Contains($"'{OutputFile("b-service/y.yaml")}'", error.Message);
            Assert.Contains($"'{Output}'", error.Message);
            Assert.False(File.Exists(Stamp), "a failed run must not record manifests it did not write");

            File.Delete(blocker);
            TaskRun recovered = Run(source);

            Assert.True(recovered.Success, recovered.ErrorText);
            Assert.Equal("y\n", File.ReadAllText(OutputFile("b-service/y.yaml")));
            Assert.Equal("x\n", File.ReadAllText(OutputFile("a-service/x.yaml")));
            Assert.Empty(Directory.GetFiles(Output, "*.meshtmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void A_manifests_folder_under_a_file_fails_with_MESHB004_and_keeps_the_previous_stamp()
        {
            Run(CSharpSource.Manifests(("a-service/x.yaml", "x\n")));
            string stampBefore = File.ReadAllText(Stamp);
            string blocked = temp.Combine("deploy", "mesh") + Path.DirectorySeparatorChar;
            File.WriteAllText(temp.Combine("deploy"), "a file where the manifests folder's parent should be");

            TaskRun failed = Run(CSharpSource.Manifests(("a-service/x.yaml", "x\n")), blocked);

            Assert.False(failed.Success);
            BuildErrorEventArgs error = Assert.Single(failed.Engine.Errors);
            Assert.Equal("MESHB004", error.Code);
            Assert.Contains(blocked, error.Message);
            Assert.Equal(stampBefore, File.ReadAllText(Stamp));

            File.Delete(temp.Combine("deploy"));
            TaskRun recovered = Run(CSharpSource.Manifests(("a-service/x.yaml", "x\n")), blocked);

            Assert.True(recovered.Success, recovered.ErrorText);
            Assert.Equal("x\n", File.ReadAllText(Path.Combine(blocked, "a-service", "x.yaml")));
            Assert.False(File.Exists(OutputFile("a-service/x.yaml")), "the manifest left in the old folder is still deleted once the new one is written");
        }

        [Fact]
        public void A_deleted_manifests_folder_is_written_again_in_full()
        {
            string source = CSharpSource.Manifests(("a-service/x.yaml", "x\n"), ("a-service/kustomization.yaml", "resources:\n- x.yaml\n"));
            Run(source);
            Directory.Delete(Output, recursive: true);

            TaskRun run = Run(source);

            Assert.True(run.Success, run.ErrorText);
            Assert.Contains("(2 written, 0 deleted)", run.Summary);
            Assert.Equal("x\n", File.ReadAllText(OutputFile("a-service/x.yaml")));
        }

        [Fact]
        public void A_stale_manifest_modified_since_this_project_wrote_it_is_left_to_whoever_wrote_it()
        {
            Run(CSharpSource.Manifests(("a-service/x.yaml", "x\n"), ("b-service/y.yaml", "mine\n")));
            // Another project sharing the folder now declares b-service and has rewritten its file since.
            string taken = OutputFile("b-service/y.yaml");
            File.WriteAllText(taken, "theirs\n");
            File.SetLastWriteTimeUtc(taken, File.GetLastWriteTimeUtc(Stamp).AddSeconds(1));

            TaskRun run = Run(CSharpSource.Manifests(("a-service/x.yaml", "x\n")));

            Assert.True(run.Success, run.ErrorText);
            Assert.Equal("theirs\n", File.ReadAllText(taken));
            Assert.Contains("(0 written, 0 deleted)", run.Summary);
            Assert.Contains(run.Engine.Messages, m => m.Message!.Contains($"left {taken} in place", StringComparison.Ordinal));
        }

        [Fact]
        public void Clean_leaves_a_manifest_modified_since_the_build_and_deletes_the_rest()
        {
            Run(CSharpSource.Manifests(("a-service/x.yaml", "x\n"), ("b-service/y.yaml", "mine\n")));
            string taken = OutputFile("b-service/y.yaml");
            File.SetLastWriteTimeUtc(taken, File.GetLastWriteTimeUtc(Stamp).AddSeconds(1));

            var engine = new FakeBuildEngine();
            Assert.True(new CleanMeshManifests { BuildEngine = engine, StampFile = Stamp }.Execute());

            Assert.True(File.Exists(taken));
            Assert.False(Directory.Exists(OutputFile("a-service")));
        }

        public void Dispose() => temp.Dispose();

        private string OutputFile(string path) => Path.Combine(Output, path);

        private TaskRun Run(string source, string? output = null)
        {
            string dll = TestAssembly.Compile(source, temp.Path);
            var engine = new FakeBuildEngine();
            var task = new WriteMeshManifests { BuildEngine = engine, AssemblyPath = dll, OutputPath = output ?? Output, StampFile = Stamp };
            return new TaskRun(task.Execute(), task, engine);
        }
    }
}
