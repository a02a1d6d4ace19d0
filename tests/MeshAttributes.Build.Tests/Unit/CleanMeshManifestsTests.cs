using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    public sealed class CleanMeshManifestsTests : IDisposable
    {
        private readonly TempFolder temp = new();

        private string Output => temp.Combine("deploy");

        private string Stamp => temp.Combine("obj", "UserService.MeshManifests.stamp");

        [Fact]
        public void Deletes_the_recorded_manifests_and_the_service_folders_left_empty_only()
        {
            string dll = TestAssembly.Compile(CSharpSource.Manifests(("a-service/x.yaml", "x"), ("b-service/y.yaml", "y")), temp.Path);
            Assert.True(new WriteMeshManifests { BuildEngine = new FakeBuildEngine(), AssemblyPath = dll, OutputPath = Output, StampFile = Stamp }.Execute());
            File.WriteAllText(Path.Combine(Output, "b-service", "mine.txt"), "not a manifest");

            var clean = new CleanMeshManifests { BuildEngine = new FakeBuildEngine(), StampFile = Stamp };

            Assert.True(clean.Execute());
            Assert.Equal(2, clean.DeletedFiles.Length);
            Assert.False(Directory.Exists(Path.Combine(Output, "a-service")));
            Assert.False(File.Exists(Path.Combine(Output, "b-service", "y.yaml")));
            Assert.True(File.Exists(Path.Combine(Output, "b-service", "mine.txt")));
        }

        [Fact]
        public void Does_nothing_without_a_stamp()
        {
            var clean = new CleanMeshManifests { BuildEngine = new FakeBuildEngine(), StampFile = Stamp };

            Assert.True(clean.Execute());
            Assert.Empty(clean.DeletedFiles);
        }

        public void Dispose() => temp.Dispose();
    }
}
