using System;
using System.IO;
using System.Linq;
using MeshAttributes.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    /// <summary>The task run in-process on compiled assemblies: what it writes, keeps, deletes and refuses.</summary>
    public sealed class WriteMeshManifestsTests : IDisposable
    {
        private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly TempFolder temp = new();

        private string Output => temp.Combine("mesh") + Path.DirectorySeparatorChar;

        private string Stamp => temp.Combine("obj", "UserService.MeshManifests.stamp");

        [Fact]
        public void Writes_each_manifest_as_utf8_without_bom_with_exactly_the_given_content()
        {
            (string, string)[] manifests =
            [
                ("checkout-service/destinationrule.yaml", "kind: DestinationRule\nname: café ✓\n"),
                ("checkout-service/kustomization.yaml", "resources:\n- destinationrule.yaml\n"),
                ("payment-service/kustomization.yaml", "resources: []"),
            ];

            TaskRun run = Run(CSharpSource.Manifests(manifests));

            Assert.True(run.Success, run.ErrorText);
            foreach ((string path, string content) in manifests)
            {
                Assert.Equal(ManifestFileSystem.Utf8.GetBytes(content), File.ReadAllBytes(OutputFile(path)));
            }

            // Exactly these files: no temp file left behind by the atomic write.
            Assert.Equal(3, Directory.GetFiles(Output, "*", SearchOption.AllDirectories).Length);
        }

        [Fact]
        public void Logs_a_one_line_summary_at_high_importance_so_a_plain_build_shows_it()
        {
            TaskRun run = Run(CSharpSource.Manifests(("a-service/x.yaml", "x"), ("a-service/y.yaml", "y"), ("b-service/z.yaml", "z")));

            BuildMessageEventArgs summary = Assert.Single(run.Engine.Messages, m => m.Importance == MessageImportance.High);
            Assert.StartsWith($"MeshAttributes: 2 services, 3 manifests in {Output} (3 written, 0 deleted)", summary.Message);
        }

        [Fact]
        public void Leaves_an_unchanged_manifest_untouched_and_rewrites_a_changed_one()
        {
            Run(CSharpSource.Manifests(("a-service/same.yaml", "same\n"), ("a-service/changed.yaml", "before\n")));
            File.SetLastWriteTimeUtc(OutputFile("a-service/same.yaml"), LongAgo);
            File.SetLastWriteTimeUtc(OutputFile("a-service/changed.yaml"), LongAgo);

            TaskRun run = Run(CSharpSource.Manifests(("a-service/same.yaml", "same\n"), ("a-service/changed.yaml", "after\n")));

            Assert.True(run.Success, run.ErrorText);
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(OutputFile("a-service/same.yaml")));
            Assert.Equal("after\n", File.ReadAllText(OutputFile("a-service/changed.yaml")));
            Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(OutputFile("a-service/changed.yaml")));
            Assert.Contains("(1 written, 0 deleted)", run.Summary);
        }

        [Fact]
        public void Deletes_manifests_no_longer_produced_and_the_service_folders_left_empty()
        {
            Run(CSharpSource.Manifests(("a-service/x.yaml", "x"), ("b-service/x.yaml", "x"), ("b-service/dashboards/y.json", "{}")));

            TaskRun run = Run(CSharpSource.Manifests(("b-service/x.yaml", "x")));

            Assert.True(run.Success, run.ErrorText);
            Assert.False(Directory.Exists(OutputFile("a-service")));
            Assert.False(Directory.Exists(OutputFile("b-service/dashboards")));
            Assert.True(File.Exists(OutputFile("b-service/x.yaml")));
            Assert.Contains("(0 written, 2 deleted)", run.Summary);
        }

        [Fact]
        public void Keeps_the_output_folder_and_files_it_did_not_write()
        {
            Run(CSharpSource.Manifests(("a-service/x.yaml", "x")));
            File.WriteAllText(OutputFile("README.md"), "mine");
            File.WriteAllText(OutputFile("a-service/notes.txt"), "mine");

            TaskRun run = Run(CSharpSource.Manifests());

            Assert.True(run.Success, run.ErrorText);
            Assert.False(File.Exists(OutputFile("a-service/x.yaml")));
            Assert.True(File.Exists(OutputFile("README.md")));
            Assert.True(File.Exists(OutputFile("a-service/notes.txt")));
        }

        [Fact]
        public void Never_deletes_a_stamp_entry_outside_the_recorded_folder()
        {
            string victim = temp.Combine("victim.txt");
            File.WriteAllText(victim, "not a manifest");
            Directory.CreateDirectory(Path.GetDirectoryName(Stamp)!);
            File.WriteAllText(Stamp, $"{Output}\n{victim}\n{Output}../victim.txt\n");

            TaskRun run = Run(CSharpSource.Manifests());

            Assert.True(run.Success, run.ErrorText);
            Assert.True(File.Exists(victim));
        }

        [Fact]
        public void Moving_the_output_folder_deletes_the_manifests_left_in_the_old_one()
        {
            Run(CSharpSource.Manifests(("a-service/x.yaml", "x")));
            string moved = temp.Combine("deploy") + Path.DirectorySeparatorChar;

            TaskRun run = Run(CSharpSource.Manifests(("a-service/x.yaml", "x")), moved);

            Assert.True(run.Success, run.ErrorText);
            Assert.Equal("x", File.ReadAllText(Path.Combine(moved, "a-service", "x.yaml")));
            Assert.False(Directory.Exists(OutputFile("a-service")));
        }

        [Fact]
        public void Writes_a_stamp_holding_the_folder_then_each_manifest_sorted()
        {
            Run(CSharpSource.Manifests(("b-service/x.yaml", "x"), ("a-service/y.yaml", "y")));

            Assert.Equal(
                $"{Output}\n{OutputFile("a-service/y.yaml")}\n{OutputFile("b-service/x.yaml")}\n",
                File.ReadAllText(Stamp));
        }

        [Fact]
        public void Returns_every_manifest_for_FileWrites_even_when_none_needed_writing()
        {
            string source = CSharpSource.Manifests(("a-service/x.yaml", "x"), ("b-service/dashboards/y.json", "{}"));
            Run(source);

            TaskRun run = Run(source);

            Assert.Contains("(0 written, 0 deleted)", run.Summary);
            Assert.Equal(
                [(OutputFile("a-service/x.yaml"), "a-service", "a-service/x.yaml"), (OutputFile("b-service/dashboards/y.json"), "b-service", "b-service/dashboards/y.json")],
                run.Task.ManifestFiles.Select(i => (i.ItemSpec, i.GetMetadata("Service"), i.GetMetadata("ManifestPath"))));
        }

        [Fact]
        public void A_manifest_error_fails_with_its_rule_id_and_removes_the_stale_file_writing_nothing_else()
        {
            Run(CSharpSource.Manifests(("checkout-service/virtualservice.yaml", "stale\n"), ("checkout-service/destinationrule.yaml", "before\n")));
            string stampBefore = File.ReadAllText(Stamp);
            const string Message = "Timeout \"10x\" is not an Istio duration; write \"10s\" (route /orders/{id}).";

            TaskRun run = Run(CSharpSource.Attributes(
            [
                CSharpSource.Error("checkout-service/virtualservice.yaml", "MESH001", Message),
                CSharpSource.Manifest("checkout-service/destinationrule.yaml", "after\n"),
                CSharpSource.Manifest("payment-service/kustomization.yaml", "new\n"),
            ]));

            Assert.False(run.Success);
            BuildErrorEventArgs error = Assert.Single(run.Engine.Errors);
            Assert.Equal("MESH001", error.Code);
            Assert.Equal($"MeshAttributes did not write 'virtualservice.yaml' for service 'checkout-service': {Message}", error.Message);
            Assert.False(File.Exists(OutputFile("checkout-service/virtualservice.yaml")));
            Assert.Equal("before\n", File.ReadAllText(OutputFile("checkout-service/destinationrule.yaml")));
            Assert.False(Directory.Exists(OutputFile("payment-service")));
            Assert.Equal(stampBefore, File.ReadAllText(Stamp));
        }

        [Theory]
        [InlineData("../escaped.yaml")]
        [InlineData("a-service/../../escaped.yaml")]
        [InlineData("/tmp/escaped.yaml")]
        [InlineData("a-service\\escaped.yaml")]
        [InlineData("escaped.yaml")]
        public void Refuses_a_path_outside_a_service_folder_and_writes_nothing(string path)
        {
            TaskRun run = Run(CSharpSource.Manifests(("a-service/fine.yaml", "fine"), (path, "escaped")));

            Assert.False(run.Success);
            BuildErrorEventArgs error = Assert.Single(run.Engine.Errors);
            Assert.Equal("MESHB001", error.Code);
            Assert.Contains($"'{path}'", error.Message);
            Assert.False(Directory.Exists(Output));
            Assert.False(File.Exists(temp.Combine("escaped.yaml")));
            Assert.False(File.Exists(Stamp));
        }

        [Fact]
        public void Refuses_two_manifests_whose_paths_differ_only_in_case()
        {
            TaskRun run = Run(CSharpSource.Manifests(("a-service/x.yaml", "1"), ("a-service/X.yaml", "2")));

            Assert.False(run.Success);
            Assert.Equal(["MESHB002"], run.Engine.ErrorCodes);
            Assert.False(Directory.Exists(Output));
        }

        [Fact]
        public void Reports_an_assembly_it_cannot_read()
        {
            var engine = new FakeBuildEngine();
            var task = new WriteMeshManifests { BuildEngine = engine, AssemblyPath = temp.Combine("missing.dll"), OutputPath = Output, StampFile = Stamp };

            Assert.False(task.Execute());
            Assert.Equal(["MESHB003"], engine.ErrorCodes);
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
