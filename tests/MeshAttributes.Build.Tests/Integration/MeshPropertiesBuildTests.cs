using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>Real `dotnet build`s with the documented MSBuild properties set.</summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class MeshPropertiesBuildTests : IDisposable
    {
        private readonly SampleProject project;

        public MeshPropertiesBuildTests(TaskAssemblyFixture fixture)
        {
            project = new SampleProject(fixture);
            project.SetSource(CSharpSource.Manifests(("checkout-service/kustomization.yaml", "resources: []\n")));
        }

        [Fact]
        public void MeshManifestsOutputPath_redirects_the_manifests_and_moving_it_back_deletes_them_there()
        {
            Testing.DotnetRun redirected = project.Build("-p:MeshManifestsOutputPath=deploy/mesh/");

            Assert.True(redirected.ExitCode == 0, redirected.ToString());
            Assert.Equal("resources: []\n", File.ReadAllText(project.Combine("deploy", "mesh", "checkout-service", "kustomization.yaml")));
            Assert.False(Directory.Exists(project.DefaultManifestsFolder));

            // Only the path changed, not the assembly: the settings file must make the target run again.
            Testing.DotnetRun back = project.Build();

            Assert.True(back.ExitCode == 0, back.ToString());
            Assert.True(File.Exists(project.Manifest("checkout-service/kustomization.yaml")));
            Assert.False(Directory.Exists(project.Combine("deploy", "mesh", "checkout-service")));
        }

        [Fact]
        public void MeshGenerateManifests_false_writes_nothing()
        {
            Testing.DotnetRun build = project.Build("-p:MeshGenerateManifests=false");

            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Null(build.Summary);
            Assert.False(Directory.Exists(project.DefaultManifestsFolder));
        }

        [Fact]
        public void MeshNamespace_reaches_the_generator_as_a_compiler_visible_property()
        {
            Testing.DotnetRun build = project.Build("-p:MeshNamespace=shop");

            Assert.True(build.ExitCode == 0, build.ToString());
            string editorConfig = File.ReadAllText(Path.Combine(project.IntermediateFolder, "UserService.GeneratedMSBuildEditorConfig.editorconfig"));
            Assert.Contains("build_property.MeshNamespace = shop", editorConfig);
        }

        [Fact]
        public void MeshIstioVersion_reaches_the_generator_and_analyzers_as_a_compiler_visible_property()
        {
            Testing.DotnetRun build = project.Build("-p:MeshIstioVersion=1.21");

            Assert.True(build.ExitCode == 0, build.ToString());
            string editorConfig = File.ReadAllText(Path.Combine(project.IntermediateFolder, "UserService.GeneratedMSBuildEditorConfig.editorconfig"));
            Assert.Contains("build_property.MeshIstioVersion = 1.21", editorConfig);
        }

        public void Dispose() => project.Dispose();
    }
}
