using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>A real `dotnet clean` after a build.</summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class CleanBuildTests : IDisposable
    {
        private readonly SampleProject project;

        public CleanBuildTests(TaskAssemblyFixture fixture) => project = new SampleProject(fixture);

        [Fact]
        public void Clean_removes_the_manifests_even_outside_OutDir()
        {
            project.SetSource(CSharpSource.Manifests(("checkout-service/kustomization.yaml", "resources: []\n"), ("payment-service/kustomization.yaml", "resources: []\n")));
            string deploy = project.Combine("deploy");
            Assert.Equal(0, project.Build($"-p:MeshManifestsOutputPath={deploy}/").ExitCode);
            Assert.True(File.Exists(Path.Combine(deploy, "checkout-service", "kustomization.yaml")));

            // Without the property: the stamp, not today's settings, says what the build wrote.
            Testing.DotnetRun clean = project.Clean();

            Assert.True(clean.ExitCode == 0, clean.ToString());
            Assert.False(Directory.Exists(Path.Combine(deploy, "checkout-service")));
            Assert.False(Directory.Exists(Path.Combine(deploy, "payment-service")));
            Assert.False(File.Exists(Path.Combine(project.IntermediateFolder, "UserService.MeshManifests.stamp")));
        }

        public void Dispose() => project.Dispose();
    }
}
