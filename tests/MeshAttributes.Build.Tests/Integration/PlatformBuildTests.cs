using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>
    /// A platform project through a real `dotnet build`: the build properties reach the platform's files as they reach a
    /// service's, and the build's messages name the platform as such.
    /// </summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class PlatformBuildTests : IDisposable
    {
        private readonly SampleProject project;

        public PlatformBuildTests(TaskAssemblyFixture fixture)
        {
            project = new SampleProject(fixture, withGenerator: true);
            project.SetSource("""
                using MeshAttributes;
                [assembly: MeshPlatform]
                """);
        }

        [Fact]
        public void MeshIstioVersion_and_MeshPrometheusRuleLabels_reach_the_platforms_files_and_the_summary_names_the_platform()
        {
            Testing.DotnetRun build = project.Build("-p:MeshIstioVersion=1.21", "-p:MeshPrometheusRuleLabels=release=kube-prometheus-stack%3Bteam=shop");

            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("\napiVersion: security.istio.io/v1beta1\n", File.ReadAllText(project.Manifest("platform/peerauthentication.yaml")));
            Assert.Contains("    release: kube-prometheus-stack\n    team: shop\n", File.ReadAllText(project.Manifest("platform/prometheusrule.yaml")));
            Assert.Contains("MeshAttributes: the platform, ", build.Output);
        }

        [Fact]
        public void An_unusable_MeshIstioVersion_fails_the_build_at_the_platform_with_MESH009_and_writes_nothing()
        {
            Testing.DotnetRun build = project.Build("-p:MeshIstioVersion=latest");

            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.True(build.HasDiagnostic("error", "MESH009"), build.ToString());
            Assert.Contains("MeshIstioVersion \"latest\" is not an Istio release, so no manifest of the platform is written", build.Output);
            Assert.False(File.Exists(project.Manifest("platform/kustomization.yaml")));
        }

        public void Dispose() => project.Dispose();
    }
}
