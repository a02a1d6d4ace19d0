using System.Linq;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>The sample's platform project, built with dotnet build: the install and the mesh-wide resources on disk.</summary>
    [Collection(SampleBuildCollection.Name)]
    public class SamplePlatformTests
    {
        private readonly SampleBuild _sample;

        public SamplePlatformTests(SampleBuild sample) => _sample = sample;

        [Fact]
        public void Dotnet_build_of_the_platform_project_writes_the_platform_folder()
        {
            Assert.Equal(
                new[]
                {
                    "grafana-dashboard.yaml", "istio-operator.yaml", "kustomization.yaml", "mesh-dashboard.json", "namespace-default.yaml",
                    "namespace-staging.yaml", "peerauthentication.yaml", "podmonitor.yaml", "prometheusrule.yaml",
                },
                _sample.PlatformManifests.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
            Assert.Contains("kind: IstioOperator", _sample.PlatformManifests["istio-operator.yaml"]);
        }

        [SkippableFact]
        public void Every_kubectl_applied_platform_file_with_a_schema_is_valid()
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            foreach (string file in new[] { "istio-operator.yaml", "peerauthentication.yaml", "prometheusrule.yaml", "grafana-dashboard.yaml" })
            {
                validator.AssertValid(_sample.PlatformManifests[file], "platform/" + file);
            }
        }
    }
}
