using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>
    /// <c>MeshPrometheusRuleLabels</c> through a real `dotnet build`: the compiler hands properties to the generator in an
    /// .editorconfig that ends a value at ';' or '#', so only a build proves the whole list arrives.
    /// </summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class PrometheusRuleLabelsBuildTests : IDisposable
    {
        private readonly SampleProject project;

        public PrometheusRuleLabelsBuildTests(TaskAssemblyFixture fixture)
        {
            project = new SampleProject(fixture, withGenerator: true);
            project.SetSource("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                """);
        }

        [Fact]
        public void Every_label_of_the_list_reaches_the_PrometheusRule()
        {
            // %3B is ';' on the dotnet command line, where a bare ';' separates properties.
            Testing.DotnetRun build = project.Build("-p:MeshPrometheusRuleLabels=release=kube-prometheus-stack%3Bteam=shop");

            Assert.True(build.ExitCode == 0, build.ToString());
            string rule = File.ReadAllText(project.Manifest("checkout-service/prometheusrule.yaml"));
            Assert.Contains("    app.kubernetes.io/managed-by: meshattributes\n    release: kube-prometheus-stack\n    team: shop\n", rule);
        }

        [Fact]
        public void An_invalid_list_fails_the_build_with_MESH004_naming_the_property_and_writes_no_PrometheusRule()
        {
            Testing.DotnetRun build = project.Build("-p:MeshPrometheusRuleLabels=release=prod#canary");

            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.True(build.HasDiagnostic("error", "MESH004"), build.ToString());
            // The compiler reports it at the source of [MeshService], as the IDE does, not only the task after compiling.
            Assert.Matches(@"\.cs\(\d+,\d+\): error MESH004: MeshPrometheusRuleLabels ", build.Output);
            Assert.Contains("MeshPrometheusRuleLabels \"release=prod#canary\" is not a list of Kubernetes labels", build.Output);
            Assert.Contains("the value 'prod#canary' of 'release' is not a label value", build.Output);
            Assert.False(File.Exists(project.Manifest("checkout-service/prometheusrule.yaml")));
        }

        [Fact]
        public void With_MESH004_silenced_the_PrometheusRule_is_still_refused_and_the_build_fails()
        {
            Testing.DotnetRun build = project.Build("-p:MeshPrometheusRuleLabels=release=prod#canary", "-p:NoWarn=MESH004");

            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("error MESH004: MeshAttributes did not write 'prometheusrule.yaml' for service 'checkout-service': MeshPrometheusRuleLabels \"release=prod#canary\"", build.Output);
            Assert.False(File.Exists(project.Manifest("checkout-service/prometheusrule.yaml")));
        }

        public void Dispose() => project.Dispose();
    }
}
