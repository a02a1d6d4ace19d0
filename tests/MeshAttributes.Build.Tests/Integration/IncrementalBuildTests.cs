using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>Real `dotnet build`s: what a first, a repeated and an edited build do to the manifests on disk.</summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class IncrementalBuildTests : IDisposable
    {
        private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private static readonly (string Path, string Content)[] Manifests =
        [
            ("checkout-service/destinationrule.yaml", "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: checkout-service\n"),
            ("checkout-service/kustomization.yaml", "resources:\n- destinationrule.yaml\n"),
            ("payment-service/kustomization.yaml", "resources: []\n"),
        ];

        private readonly SampleProject project;

        public IncrementalBuildTests(TaskAssemblyFixture fixture) => project = new SampleProject(fixture);

        [Fact]
        public void First_build_writes_the_manifests_and_no_op_builds_skip_the_target_and_keep_them()
        {
            project.SetSource(CSharpSource.Manifests(Manifests));

            Testing.DotnetRun first = project.Build();

            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.Equal(3, first.Written);
            foreach ((string path, string content) in Manifests)
            {
                Assert.Equal(ManifestFileSystem.Utf8.GetBytes(content), File.ReadAllBytes(project.Manifest(path)));
                File.SetLastWriteTimeUtc(project.Manifest(path), LongAgo);
            }

            // Two no-op builds: the first would let IncrementalClean delete the manifests if the skipped target lost
            // its FileWrites, the second checks the file list it then records still holds them.
            for (int i = 0; i < 2; i++)
            {
                Testing.DotnetRun noOp = project.Build();
                Assert.True(noOp.ExitCode == 0, noOp.ToString());
                Assert.True(noOp.SkippedWriteTarget, noOp.ToString());
                Assert.Null(noOp.Summary);
                foreach ((string path, _) in Manifests)
                {
                    Assert.True(File.Exists(project.Manifest(path)), $"{path} was deleted by:\n{noOp}");
                    Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(project.Manifest(path)));
                }
            }
        }

        [Fact]
        public void Changing_one_value_rewrites_only_that_file_and_the_next_build_skips_again()
        {
            project.SetSource(CSharpSource.Manifests(Manifests));
            Assert.Equal(0, project.Build().ExitCode);
            foreach ((string path, _) in Manifests)
            {
                File.SetLastWriteTimeUtc(project.Manifest(path), LongAgo);
            }

            project.SetSource(CSharpSource.Manifests(
                Manifests[0],
                ("checkout-service/kustomization.yaml", "resources:\n- destinationrule.yaml\n- virtualservice.yaml\n"),
                Manifests[2]));
            Testing.DotnetRun changed = project.Build();

            Assert.True(changed.ExitCode == 0, changed.ToString());
            Assert.Equal(1, changed.Written);
            Assert.Equal("resources:\n- destinationrule.yaml\n- virtualservice.yaml\n", File.ReadAllText(project.Manifest("checkout-service/kustomization.yaml")));
            Assert.NotEqual(LongAgo, File.GetLastWriteTimeUtc(project.Manifest("checkout-service/kustomization.yaml")));
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(project.Manifest("checkout-service/destinationrule.yaml")));
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(project.Manifest("payment-service/kustomization.yaml")));

            // Unchanged manifests are now older than the assembly; that alone must not rerun the target.
            Testing.DotnetRun next = project.Build();
            Assert.True(next.SkippedWriteTarget, next.ToString());
        }

        [Fact]
        public void Removing_an_attribute_deletes_its_file_and_the_service_folder_it_emptied()
        {
            project.SetSource(CSharpSource.Manifests(Manifests));
            Assert.Equal(0, project.Build().ExitCode);

            project.SetSource(CSharpSource.Manifests(Manifests[0]));
            Testing.DotnetRun removed = project.Build();

            Assert.True(removed.ExitCode == 0, removed.ToString());
            Assert.Equal(2, removed.Deleted);
            Assert.True(File.Exists(project.Manifest("checkout-service/destinationrule.yaml")));
            Assert.False(File.Exists(project.Manifest("checkout-service/kustomization.yaml")));
            Assert.False(Directory.Exists(project.Manifest("payment-service")));
        }

        [Fact]
        public void A_manifest_deleted_by_hand_is_written_again_by_the_next_build()
        {
            project.SetSource(CSharpSource.Manifests(Manifests));
            Assert.Equal(0, project.Build().ExitCode);
            File.Delete(project.Manifest("payment-service/kustomization.yaml"));

            Testing.DotnetRun rebuilt = project.Build();

            Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
            Assert.Equal(1, rebuilt.Written);
            Assert.Equal("resources: []\n", File.ReadAllText(project.Manifest("payment-service/kustomization.yaml")));
        }

        public void Dispose() => project.Dispose();
    }
}
