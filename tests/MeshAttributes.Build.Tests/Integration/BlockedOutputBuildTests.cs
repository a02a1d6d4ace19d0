using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>
    /// Real `dotnet build`s into a manifests folder that cannot be written: the build fails with MESHB004 and the path, and
    /// once the folder is fixed the next build writes the manifests although no source changed.
    /// </summary>
    /// <remarks>
    /// CI runs as root, which ignores permission bits, so a chmod-ed read-only folder would not stop the write. A regular
    /// file where the service folder must go stops every user.
    /// </remarks>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class BlockedOutputBuildTests : IDisposable
    {
        private readonly SampleProject project;

        public BlockedOutputBuildTests(TaskAssemblyFixture fixture) => project = new SampleProject(fixture);

        [Fact]
        public void A_blocked_service_folder_fails_the_build_with_MESHB004_and_the_next_build_recovers_without_a_source_change()
        {
            project.SetSource(CSharpSource.Manifests(("checkout-service/kustomization.yaml", "resources: []\n")));
            Assert.Equal(0, project.Build().ExitCode);
            string blocker = project.Manifest("payment-service");
            File.WriteAllText(blocker, "a file where the task needs the service folder");
            project.SetSource(CSharpSource.Manifests(("checkout-service/kustomization.yaml", "resources: []\n"), ("payment-service/kustomization.yaml", "resources: []\n")));

            Testing.DotnetRun blocked = project.Build();

            Assert.NotEqual(0, blocked.ExitCode);
            Assert.True(blocked.HasDiagnostic("error", "MESHB004"), blocked.ToString());
            Assert.Contains(project.Manifest("payment-service/kustomization.yaml"), blocked.Output, StringComparison.Ordinal);

            File.Delete(blocker);
            Testing.DotnetRun recovered = project.Build();

            Assert.True(recovered.ExitCode == 0, recovered.ToString());
            Assert.False(recovered.SkippedWriteTarget, "the write target must run again after a failed write, though the assembly is unchanged");
            Assert.Equal("resources: []\n", File.ReadAllText(project.Manifest("payment-service/kustomization.yaml")));
            Assert.Equal("resources: []\n", File.ReadAllText(project.Manifest("checkout-service/kustomization.yaml")));
        }

        public void Dispose() => project.Dispose();
    }
}
