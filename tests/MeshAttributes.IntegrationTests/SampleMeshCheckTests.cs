using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Model;
using Xunit;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>What the sample's build writes reads back as the mesh it declares, and `mesh check` finds nothing in it.</summary>
    [Collection(SampleBuildCollection.Name)]
    public class SampleMeshCheckTests
    {
        private readonly SampleBuild _sample;

        public SampleMeshCheckTests(SampleBuild sample) => _sample = sample;

        [Fact]
        public void The_samples_manifests_read_back_as_its_mesh_and_check_clean()
        {
            MeshManifests manifests = ManifestReader.Read(new[] { _sample.OutputFolder });

            Assert.Empty(manifests.Problems);
            Assert.Equal(SampleBuild.ServiceNames, manifests.Services.Select(s => s.Spec.Name));
            ServiceSpec checkout = manifests.Services[0].Spec;
            Assert.Equal(new[] { "inventory-service", "payment-service", "shipping-service" }, checkout.DependsOn.Select(d => d.Service));
            Assert.Equal(new RetrySpec(3, "2s", "5xx,reset,connect-failure,retriable-4xx"), manifests.Services[2].Spec.Retry);
            Assert.Empty(MeshCheck.Run(manifests));
        }
    }
}
