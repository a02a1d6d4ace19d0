using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Resources;
using MeshAttributes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// The MSBuild property <c>MeshPrometheusRuleLabels</c>, as MeshAttributes.targets hands it to the generator: in
    /// <c>_MeshPrometheusRuleLabels</c>, with ';' and '#' encoded so the compiler's .editorconfig does not cut the value short.
    /// </summary>
    public sealed class PrometheusRuleLabelsPropertyTests
    {
        private const string Property = "build_property._MeshPrometheusRuleLabels";

        private const string Source = """
            using MeshAttributes;
            [assembly: MeshService("cart")]
            [MeshService("billing", Namespace = "finance")]
            public class Billing { }
            """;

        [Fact]
        public void Every_PrometheusRule_of_the_project_carries_the_labels()
        {
            var run = GeneratorHarness.Run(Source, Options("release=kube-prometheus-stack;team=shop"));

            foreach (string service in new[] { "cart", "billing" })
            {
                string rule = run.Manifests[service + "/prometheusrule.yaml"];
                Assert.Contains("    app.kubernetes.io/managed-by: meshattributes\n    release: kube-prometheus-stack\n    team: shop\n", rule);
                Assert.DoesNotContain("release:", run.Manifests[service + "/destinationrule.yaml"]);
            }

            Assert.Empty(run.Errors);
        }

        [Fact]
        public void Without_the_property_the_PrometheusRule_has_only_its_own_labels()
        {
            var run = GeneratorHarness.Run(Source);

            Assert.Contains("    app.kubernetes.io/managed-by: meshattributes\nspec:", run.Manifests["cart/prometheusrule.yaml"]);
        }

        [Fact]
        public void Invalid_labels_refuse_every_PrometheusRule_with_MESH004_naming_the_property()
        {
            var run = GeneratorHarness.Run(Source, Options("release kube-prometheus-stack"));

            Assert.Equal(new[] { "billing/prometheusrule.yaml", "cart/prometheusrule.yaml" }, run.Errors.Select(e => e.Path).OrderBy(p => p, System.StringComparer.Ordinal));
            Assert.All(run.Errors, e =>
            {
                Assert.Equal("MESH004", e.Id);
                Assert.StartsWith("MeshPrometheusRuleLabels \"release kube-prometheus-stack\" is not a list of Kubernetes labels: 'release kube-prometheus-stack' has no '='", e.Message);
            });
            Assert.DoesNotContain(run.Manifests.Keys, k => k.EndsWith("/prometheusrule.yaml"));
            Assert.Contains("cart/destinationrule.yaml", run.Manifests.Keys);
            Assert.Contains("cart/dashboard.json", run.Manifests.Keys);
            Assert.DoesNotContain("prometheusrule.yaml", run.Manifests["cart/kustomization.yaml"]);
        }

        [Fact]
        public void A_hash_reaches_the_check_instead_of_cutting_the_value_short()
        {
            var run = GeneratorHarness.Run(Source, Options("release=prod#canary"));

            Assert.All(run.Errors, e => Assert.Contains("the value 'prod#canary' of 'release' is not a label value", e.Message));
            Assert.Equal(2, run.Errors.Count);
        }

        [Fact]
        public void Changing_the_property_re_renders_and_keeping_it_re_renders_nothing()
        {
            var compilation = GeneratorHarness.CreateCompilation(Source);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(Options("release=a")).RunGenerators(compilation);

            driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(Options("release=a"))).RunGenerators(compilation);
            Assert.All(Rendered(driver), r => Assert.Equal(IncrementalStepRunReason.Cached, r.Reason));

            driver = driver.WithUpdatedAnalyzerConfigOptions(new TestOptionsProvider(Options("release=b"))).RunGenerators(compilation);
            var rendered = Rendered(driver);
            Assert.Equal(2, rendered.Count);
            Assert.All(rendered, r =>
            {
                Assert.Equal(IncrementalStepRunReason.Modified, r.Reason);
                Assert.Contains("    release: b\n", r.Service.Files.Single(f => f.Path.EndsWith("/prometheusrule.yaml")).Content);
            });
        }

        // As MeshAttributes.targets writes the property into the compiler's .editorconfig.
        private static Dictionary<string, string> Options(string labels) =>
            new() { [Property] = labels.Replace(';', GeneratorOptions.EncodedSemicolon).Replace('#', GeneratorOptions.EncodedHash) };

        private static List<(RenderedService Service, IncrementalStepRunReason Reason)> Rendered(GeneratorDriver driver) =>
            driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Rendered]
                .SelectMany(step => step.Outputs)
                .Select(o => ((RenderedService)o.Value, o.Reason))
                .ToList();
    }
}
