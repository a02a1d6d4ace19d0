using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources.Platform;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary><c>[assembly: MeshPlatform]</c> through the generator: the files of <c>platform/</c>, and the refusals an error causes.</summary>
    public class PlatformGeneratorTests
    {
        private const string CaseStudyPlatform = """
            using MeshAttributes;
            [assembly: MeshPlatform]
            [assembly: InjectNamespace("default")]
            [assembly: InjectNamespace("staging")]
            """;

        [Fact]
        public void Mesh_platform_writes_the_install_the_mesh_wide_resources_and_a_kustomization()
        {
            var run = GeneratorHarness.Run(CaseStudyPlatform);

            Assert.Equal(
                new[]
                {
                    "platform/grafana-dashboard.yaml", "platform/istio-operator.yaml", "platform/kustomization.yaml", "platform/mesh-dashboard.json",
                    "platform/namespace-default.yaml", "platform/namespace-staging.yaml", "platform/peerauthentication.yaml", "platform/podmonitor.yaml",
                    "platform/prometheusrule.yaml",
                },
                run.Manifests.Keys);
            Assert.Empty(run.Errors);
            Snapshot.Match(run.Manifests["platform/istio-operator.yaml"], "platform/istio-operator.yaml");
            Snapshot.Match(run.Manifests["platform/peerauthentication.yaml"], "platform/peerauthentication.yaml");
            Snapshot.Match(run.Manifests["platform/prometheusrule.yaml"], "platform/prometheusrule.yaml");
            Snapshot.Match(run.Manifests["platform/kustomization.yaml"], "platform/kustomization.yaml");
        }

        [Fact]
        public void The_kustomization_lists_what_kubectl_applies_and_leaves_the_install_to_istioctl()
        {
            var kustomization = YamlFields.Parse(GeneratorHarness.Run(CaseStudyPlatform).Manifests["platform/kustomization.yaml"]);

            Assert.Equal(
                new[] { "peerauthentication.yaml", "prometheusrule.yaml", "podmonitor.yaml", "grafana-dashboard.yaml", "namespace-default.yaml", "namespace-staging.yaml" },
                YamlFields.Strings(kustomization, "resources"));
        }

        [Fact]
        public void Injected_namespaces_carry_the_injection_label_and_no_namespace_of_their_own()
        {
            var run = GeneratorHarness.Run(CaseStudyPlatform);
            var staging = YamlFields.Parse(run.Manifests["platform/namespace-staging.yaml"]);

            Assert.Equal("v1", YamlFields.Text(staging, "apiVersion"));
            Assert.Equal("Namespace", YamlFields.Text(staging, "kind"));
            Assert.Equal("staging", YamlFields.Text(staging, "metadata", "name"));
            Assert.Equal("enabled", YamlFields.Text(staging, "metadata", "labels", "istio-injection"));
            Assert.Null(YamlFields.Text(staging, "metadata", "namespace"));
        }

        [Fact]
        public void Pod_monitor_scrapes_every_proxys_envoy_port_in_every_namespace()
        {
            var monitor = YamlFields.Parse(GeneratorHarness.Run(CaseStudyPlatform).Manifests["platform/podmonitor.yaml"]);

            Assert.Equal("monitoring.coreos.com/v1", YamlFields.Text(monitor, "apiVersion"));
            Assert.Equal("PodMonitor", YamlFields.Text(monitor, "kind"));
            Assert.Equal("monitoring", YamlFields.Text(monitor, "metadata", "namespace"));
            Assert.Equal("true", YamlFields.Text(monitor, "spec", "namespaceSelector", "any"));
            Assert.Equal("http-envoy-prom", YamlFields.Text(monitor, "spec", "podMetricsEndpoints", "0", "port"));
            Assert.Equal("/stats/prometheus", YamlFields.Text(monitor, "spec", "podMetricsEndpoints", "0", "path"));
            // Every field is one the PodMonitor API (prometheus-operator pkg/apis/monitoring/v1/podmonitor_types.go) has.
            Assert.Equal(
                new[]
                {
                    "apiVersion", "kind", "metadata.labels.app.kubernetes.io/managed-by", "metadata.labels.app.kubernetes.io/name", "metadata.name",
                    "metadata.namespace", "spec.namespaceSelector.any", "spec.podMetricsEndpoints[].interval", "spec.podMetricsEndpoints[].path",
                    "spec.podMetricsEndpoints[].port", "spec.selector",
                },
                YamlFields.Paths(monitor).OrderBy(p => p, StringComparer.Ordinal));
        }

        [Fact]
        public void An_invalid_quantity_refuses_the_install_file_and_keeps_the_others()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshPlatform(ProxyLimitsMemory = "128MB")]
                """);

            var error = Assert.Single(run.Errors);
            Assert.Equal(("platform/istio-operator.yaml", "MESH010"), (error.Path, error.Id));
            Assert.Contains("\"128MB\"", error.Message);
            Assert.DoesNotContain("platform/istio-operator.yaml", run.Manifests.Keys);
            Assert.Contains("platform/peerauthentication.yaml", run.Manifests.Keys);
        }

        [Fact]
        public void An_invalid_injected_namespace_refuses_its_namespace_file_alone()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshPlatform]
                [assembly: InjectNamespace("../Shop_EU")]
                [assembly: InjectNamespace("shop")]
                """);

            var error = Assert.Single(run.Errors);
            Assert.Equal("MESH004", error.Id);
            Assert.Equal("platform/namespace-" + Core.Rules.DnsLabel.Suggest("../Shop_EU") + ".yaml", error.Path);
            Assert.DoesNotContain("..", error.Path);
            Assert.Contains("platform/namespace-shop.yaml", run.Manifests.Keys);
            Assert.Contains("platform/istio-operator.yaml", run.Manifests.Keys);
        }

        [Fact]
        public void Settings_override_the_defaults_in_the_install()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshPlatform(Name = "staging-mesh", TracingSampling = 1.5, OutboundTrafficPolicy = OutboundTrafficPolicyMode.AllowAny,
                    AccessLogEncoding = AccessLogEncoding.Text, PilotHpaMaxReplicas = 8, IngressGatewayReplicaCount = 3, MutualTls = MutualTlsMode.Permissive)]
                """);

            var install = YamlFields.Parse(run.Manifests["platform/istio-operator.yaml"]);
            Assert.Equal("staging-mesh", YamlFields.Text(install, "metadata", "name"));
            Assert.Equal("1.5", YamlFields.Text(install, "spec", "meshConfig", "defaultConfig", "tracing", "sampling"));
            Assert.Equal("ALLOW_ANY", YamlFields.Text(install, "spec", "meshConfig", "outboundTrafficPolicy", "mode"));
            Assert.Equal("TEXT", YamlFields.Text(install, "spec", "meshConfig", "accessLogEncoding"));
            Assert.Equal("8", YamlFields.Text(install, "spec", "components", "pilot", "k8s", "hpaSpec", "maxReplicas"));
            Assert.Equal("3", YamlFields.Text(install, "spec", "components", "ingressGateways", "0", "k8s", "replicaCount"));
            Assert.Equal("PERMISSIVE", YamlFields.Text(YamlFields.Parse(run.Manifests["platform/peerauthentication.yaml"]), "spec", "mtls", "mode"));
        }

        [Fact]
        public void Editing_a_service_of_the_platform_project_does_not_render_the_platform_again()
        {
            const string service = """
                using MeshAttributes;
                [MeshService("legacy-billing")]
                [Timeout("3s")]
                public sealed class LegacyBilling { }
                """;
            var compilation = GeneratorHarness.CreateCompilation(CaseStudyPlatform, service);
            var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

            var edited = compilation.ReplaceSyntaxTree(
                compilation.SyntaxTrees.Last(),
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(service.Replace("3s", "4s"), new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest), "Source1.cs"));
            var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

            var platform = result.TrackedSteps[TrackingNames.PlatformRendered].SelectMany(s => s.Outputs).Single();
            Assert.Equal(Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, platform.Reason);
            Assert.Contains(result.TrackedSteps[TrackingNames.Rendered].SelectMany(s => s.Outputs), o => o.Reason == Microsoft.CodeAnalysis.IncrementalStepRunReason.Modified);
        }

        [Fact]
        public void A_project_without_mesh_platform_writes_no_platform_folder()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("orders")]
                """);

            Assert.DoesNotContain(run.Manifests.Keys, k => k.StartsWith("platform/", StringComparison.Ordinal));
        }

        [Fact]
        public void The_attributes_defaults_are_the_documented_platform_defaults()
        {
            var attribute = new MeshPlatformAttribute();
            var defaults = typeof(PlatformDefaults).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral)
                .ToDictionary(f => f.Name, f => f.GetRawConstantValue());
            foreach (PropertyInfo property in typeof(MeshPlatformAttribute).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                Assert.True(defaults.ContainsKey(property.Name), $"PlatformDefaults has no {property.Name}");
                object? value = property.GetValue(attribute);
                Assert.Equal(defaults[property.Name], value is Enum e ? Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture) : value);
            }
        }

        [SkippableFact]
        public void Every_platform_file_is_valid_against_the_real_schemas()
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            var run = GeneratorHarness.Run(CaseStudyPlatform);

            // IstioOperator's CRD preserves unknown fields: IstioOperatorFieldsTests holds its fields to Istio's API instead.
            foreach (string file in new[] { "istio-operator.yaml", "peerauthentication.yaml", "prometheusrule.yaml", "grafana-dashboard.yaml" })
            {
                validator.AssertValid(run.Manifests["platform/" + file], file);
            }

            validator.AssertDashboardValid(run.Manifests["platform/mesh-dashboard.json"], "mesh-dashboard.json");
        }

        [SkippableFact]
        public void The_samples_install_matches_the_case_study_field_for_field_but_for_the_documented_differences()
        {
            string seedDirectory = SharedFolder.RequireSchemasAndSeed().SeedDirectory!;
            string samples = typeof(PlatformGeneratorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplesDirectory").Value!;
            var run = GeneratorHarness.Run(File.ReadAllText(Path.Combine(samples, "Platform", "MeshPlatform.cs")));

            var expected = YamlFields.Leaves(YamlFields.Parse(File.ReadAllText(Path.Combine(seedDirectory, "manifests", "istio-operator.yaml"))));
            var actual = YamlFields.Leaves(YamlFields.Parse(run.Manifests["platform/istio-operator.yaml"]));

            // The differences samples/ECommerce/Platform/README.md lists, and nothing else.
            var added = new Dictionary<string, string>
            {
                // JSON encoding: Envoy builds each line as a JSON object and escapes its values; as TEXT, a path holding a quote breaks the line.
                ["spec.meshConfig.accessLogEncoding"] = "JSON",
                // The Envoy statistics CircuitBreakerActive and the dashboards read, which Istio does not record by default.
                ["spec.meshConfig.defaultConfig.proxyStatsMatcher.inclusionRegexps[0]"] = ".*outlier_detection.*",
                ["spec.meshConfig.defaultConfig.proxyStatsMatcher.inclusionSuffixes[0]"] = "upstream_cx_overflow",
                ["spec.meshConfig.defaultConfig.proxyStatsMatcher.inclusionSuffixes[1]"] = "upstream_rq_pending_overflow",
            };
            foreach (var (path, value) in added)
            {
                Assert.Equal(value, actual[path]);
                actual.Remove(path);
            }

            // The seed's block scalar ends with a line break; the format itself is the same.
            expected["spec.meshConfig.accessLogFormat"] = expected["spec.meshConfig.accessLogFormat"].TrimEnd('\n');

            Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), actual.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (path, value) in expected)
            {
                Assert.True(SameValue(value, actual[path]), $"{path}: the case study has {value}, the sample {actual[path]}");
            }
        }

        // 10.0 in the seed and 10 here are the same number.
        private static bool SameValue(string expected, string actual) =>
            expected == actual
            || (double.TryParse(expected, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double a)
                && double.TryParse(actual, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double b)
                && a == b);
    }
}
