using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>Real `dotnet build`s that must fail: a refused manifest, and a path that would leave the folder.</summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class ManifestErrorBuildTests : IDisposable
    {
        private readonly SampleProject project;

        public ManifestErrorBuildTests(TaskAssemblyFixture fixture) => project = new SampleProject(fixture);

        [Fact]
        public void A_MeshManifestError_fails_the_build_with_its_id_and_message_and_removes_the_stale_file()
        {
            project.SetSource(CSharpSource.Manifests(
                ("checkout-service/virtualservice.yaml", "timeout: 10s\n"),
                ("checkout-service/kustomization.yaml", "resources:\n- virtualservice.yaml\n")));
            Assert.Equal(0, project.Build().ExitCode);
            const string Message = "Timeout \"10x\" is not an Istio duration; write a whole number of milliseconds such as \"10s\".";

            project.SetSource(CSharpSource.Attributes(
            [
                CSharpSource.Error("checkout-service/virtualservice.yaml", "MESH001", Message),
                CSharpSource.Manifest("checkout-service/kustomization.yaml", "resources: []\n"),
                CSharpSource.Manifest("payment-service/kustomization.yaml", "resources: []\n"),
            ]));
            Testing.DotnetRun failed = project.Build();

            Assert.NotEqual(0, failed.ExitCode);
            Assert.Contains($"error MESH001: MeshAttributes did not write 'virtualservice.yaml' for service 'checkout-service': {Message}", failed.Output);
            Assert.False(File.Exists(project.Manifest("checkout-service/virtualservice.yaml")));
            Assert.Equal("resources:\n- virtualservice.yaml\n", File.ReadAllText(project.Manifest("checkout-service/kustomization.yaml")));
            Assert.False(Directory.Exists(project.Manifest("payment-service")));

            // The error stays until the code is fixed: an unchanged rebuild must not pass as up to date.
            Testing.DotnetRun again = project.Build();
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains("error MESH001", again.Output);
        }

        [Fact]
        public void A_path_with_dot_dot_fails_the_build_and_writes_nothing()
        {
            project.SetSource(CSharpSource.Manifests(("checkout-service/kustomization.yaml", "fine\n"), ("../escaped.yaml", "escaped\n")));

            Testing.DotnetRun failed = project.Build();

            Assert.NotEqual(0, failed.ExitCode);
            Assert.Contains("error MESHB001: MeshAttributes refused the manifest path '../escaped.yaml'", failed.Output);
            Assert.False(Directory.Exists(project.DefaultManifestsFolder));
            Assert.False(File.Exists(Path.Combine(project.DefaultManifestsFolder, "..", "escaped.yaml")));
        }

        public void Dispose() => project.Dispose();
    }
}
