using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Resources;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// The platform's output follows the MSBuild properties a service's does: <c>MeshIstioVersion</c> (the PeerAuthentication's
    /// apiVersion, MESH009 for an unusable value) and <c>MeshPrometheusRuleLabels</c> (the mesh PrometheusRule's labels).
    /// </summary>
    public class PlatformBuildPropertiesTests
    {
        private const string IstioVersion = "build_property.MeshIstioVersion";
        private const string Labels = "build_property._MeshPrometheusRuleLabels";

        private const string Platform = """
            using MeshAttributes;
            [assembly: MeshPlatform]
            [assembly: InjectNamespace("shop")]
            """;

        [Theory]
        [InlineData("1.20", "security.istio.io/v1beta1")]
        [InlineData("1.21.4", "security.istio.io/v1beta1")]
        [InlineData("1.22", "security.istio.io/v1")]
        [InlineData("1.30", "security.istio.io/v1")]
        public void The_root_peer_authentication_uses_the_api_version_the_target_release_serves(string release, string apiVersion)
        {
            var run = GeneratorHarness.Run(Platform, new Dictionary<string, string> { [IstioVersion] = release });

            Assert.Empty(run.Errors);
            Assert.Contains($"\napiVersion: {apiVersion}\n", run.Manifests["platform/peerauthentication.yaml"], System.StringComparison.Ordinal);
        }

        [Fact]
        public void Without_MeshIstioVersion_the_root_peer_authentication_is_v1()
        {
            var run = GeneratorHarness.Run(Platform);

            Assert.Contains("\napiVersion: security.istio.io/v1\n", run.Manifests["platform/peerauthentication.yaml"], System.StringComparison.Ordinal);
        }

        [SkippableFact]
        public void The_v1beta1_root_peer_authentication_is_valid_against_the_v1beta1_schema()
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            var run = GeneratorHarness.Run(Platform, new Dictionary<string, string> { [IstioVersion] = "1.20" });

            validator.AssertValid(run.Manifests["platform/peerauthentication.yaml"], "platform/peerauthentication.yaml");
        }

        [Theory]
        [InlineData("1.x", "is not an Istio release")]
        [InlineData("1.19", "older than Istio 1.20")]
        public void An_unusable_MeshIstioVersion_refuses_every_platform_file_with_MESH009(string release, string reason)
        {
            var run = GeneratorHarness.Run(Platform, new Dictionary<string, string> { [IstioVersion] = release });

            Assert.DoesNotContain(run.Manifests.Keys, k => k.StartsWith("platform/", System.StringComparison.Ordinal));
            Assert.NotEmpty(run.Errors);
            Assert.All(run.Errors, e =>
            {
                Assert.Equal("MESH009", e.Id);
                Assert.Contains(reason, e.Message);
                Assert.Contains("no manifest of the platform is written", e.Message);
            });
            Assert.Contains(run.Errors, e => e.Path == "platform/istio-operator.yaml");
            Assert.Contains(run.Errors, e => e.Path == "platform/peerauthentication.yaml");
            Assert.Contains(run.Errors, e => e.Path == "platform/namespace-shop.yaml");
        }

        [Fact]
        public void The_mesh_prometheus_rule_carries_the_labels_and_no_other_platform_file_does()
        {
            var run = GeneratorHarness.Run(Platform, Encoded("release=kube-prometheus-stack;team=platform"));

            Assert.Empty(run.Errors);
            Assert.Contains("    app.kubernetes.io/managed-by: meshattributes\n    release: kube-prometheus-stack\n    team: platform\n", run.Manifests["platform/prometheusrule.yaml"]);
            Assert.All(run.Manifests.Where(m => m.Key != "platform/prometheusrule.yaml"), m => Assert.DoesNotContain("release: kube-prometheus-stack", m.Value));
        }

        [Fact]
        public void Invalid_labels_refuse_the_mesh_prometheus_rule_alone_with_the_services_finding()
        {
            var run = GeneratorHarness.Run(Platform + "\n[assembly: MeshService(\"cart\")]", Encoded("release kube-prometheus-stack"));

            var platform = Assert.Single(run.Errors, e => e.Path.StartsWith("platform/", System.StringComparison.Ordinal));
            var service = Assert.Single(run.Errors, e => e.Path == "cart/prometheusrule.yaml");
            Assert.Equal(("platform/prometheusrule.yaml", service.Id, service.Message), (platform.Path, platform.Id, platform.Message));
            Assert.Equal("MESH004", platform.Id);
            Assert.DoesNotContain("platform/prometheusrule.yaml", run.Manifests.Keys);
            Assert.Contains("platform/peerauthentication.yaml", run.Manifests.Keys);
            Assert.DoesNotContain("prometheusrule.yaml", run.Manifests["platform/kustomization.yaml"]);
        }

        [Fact]
        public void With_both_properties_set_an_edit_to_a_service_leaves_the_platform_cached()
        {
            const string service = """
                using MeshAttributes;
                [MeshService("legacy-billing")]
                [Timeout("3s")]
                public sealed class LegacyBilling { }
                """;
            var options = Encoded("release=kube-prometheus-stack");
            options[IstioVersion] = "1.21";
            var compilation = GeneratorHarness.CreateCompilation(Platform, service);
            var driver = GeneratorHarness.CreateDriver(options).RunGenerators(compilation);

            var edited = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Last(),
                CSharpSyntaxTree.ParseText(service.Replace("3s", "4s"), new CSharpParseOptions(LanguageVersion.Latest), "Source1.cs"));
            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            Assert.Equal(IncrementalStepRunReason.Cached, result.TrackedSteps[TrackingNames.PlatformRendered].SelectMany(s => s.Outputs).Single().Reason);
            Assert.Contains(result.TrackedSteps[TrackingNames.Rendered].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        }

        [Fact]
        public void Changing_an_option_the_platform_does_not_read_leaves_it_cached_and_changing_MeshIstioVersion_renders_it_again()
        {
            var compilation = GeneratorHarness.CreateCompilation(Platform);
            var options = new Dictionary<string, string> { [IstioVersion] = "1.21" };
            GeneratorDriver driver = GeneratorHarness.CreateDriver(options).RunGenerators(compilation);

            driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string> { [IstioVersion] = "1.21", ["build_property.MeshNamespace"] = "shop" }))
                .RunGenerators(compilation);
            Assert.Equal(IncrementalStepRunReason.Cached, PlatformStep(driver));

            driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(new Dictionary<string, string> { [IstioVersion] = "1.22" })).RunGenerators(compilation);
            Assert.Equal(IncrementalStepRunReason.Modified, PlatformStep(driver));
        }

        private static IncrementalStepRunReason PlatformStep(GeneratorDriver driver) =>
            driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Platform].SelectMany(s => s.Outputs).Single().Reason;

        private static Dictionary<string, string> Encoded(string labels) =>
            new() { [Labels] = labels.Replace(';', GeneratorOptions.EncodedSemicolon).Replace('#', GeneratorOptions.EncodedHash) };
    }
}
