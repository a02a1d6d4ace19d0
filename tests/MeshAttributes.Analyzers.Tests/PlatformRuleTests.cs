using System.Threading;
using System.Threading.Tasks;
using MeshAttributes.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>The rules on <c>[assembly: MeshPlatform]</c>: each fires at the argument that is wrong, and its nearest safe neighbour is silent.</summary>
    public class PlatformRuleTests
    {
        private const string Usings = "using MeshAttributes;\n";

        [Fact]
        public Task The_case_study_install_has_no_finding() =>
            Analyze("""
                [assembly: MeshPlatform]
                [assembly: InjectNamespace("default")]
                [assembly: InjectNamespace("staging")]
                """);

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH003:TracingSampling = 110|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH003:TracingSampling = -1|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH003:PilotReplicaCount = -2|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH003:IngressGatewayServiceType = "loadbalancer"|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH003:OutboundTrafficPolicy = (OutboundTrafficPolicyMode)7|})]""")]
        [InlineData("""[assembly: MeshPlatform(TracingSampling = 100, IngressGatewayServiceType = "NodePort")]""")]
        [InlineData("""[assembly: MeshPlatform(TracingSampling = 0)]""")]
        public Task MESH003_tracing_sampling_outside_0_to_100_and_other_ranges_fire(string attribute) => Analyze(attribute);

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH004:MonitoringNamespace = "Monitoring"|})]""")]
        [InlineData("""[assembly: MeshPlatform]""" + "\n" + """[assembly: InjectNamespace({|MESH004:"shop_eu"|})]""")]
        [InlineData("""[assembly: MeshPlatform(MonitoringNamespace = "observability")]""" + "\n" + """[assembly: InjectNamespace("shop-eu")]""")]
        public Task MESH004_names_that_are_not_dns_labels_fire(string attributes) => Analyze(attributes);

        [Fact]
        public Task MESH005_inject_namespace_without_a_platform_fires() =>
            Analyze("""[assembly: {|MESH005:InjectNamespace("default")|}]""");

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH010:PilotRequestsMemory = "256MB"|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH010:ProxyLimitsCpu = "0,5"|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH010:IngressGatewayRequestsCpu = "-100m"|})]""")]
        [InlineData("""[assembly: MeshPlatform(PilotRequestsMemory = "0.25Gi", ProxyLimitsCpu = "1", IngressGatewayRequestsCpu = "1e-1")]""")]
        public Task MESH010_quantities_kubernetes_rejects_fire(string attribute) => Analyze(attribute);

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH011:PilotHpaMinReplicas = 0|})]""")]
        [InlineData("""[assembly: MeshPlatform(PilotHpaMinReplicas = 6, {|MESH011:PilotHpaMaxReplicas = 5|})]""")]
        [InlineData("""[assembly: MeshPlatform(PilotHpaMinReplicas = 5, PilotHpaMaxReplicas = 5)]""")]
        public Task MESH011_autoscaler_bounds_kubernetes_rejects_fire(string attribute) => Analyze(attribute);

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH012:ProxyRequestsCpu = "500m"|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH012:PilotRequestsMemory = "1Gi"|}, PilotLimitsMemory = "1000Mi")]""")]
        [InlineData("""[assembly: MeshPlatform(ProxyRequestsCpu = "0.2", ProxyLimitsCpu = "200m")]""")]
        public Task MESH012_requests_above_their_limits_fire(string attribute) => Analyze(attribute);

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH108:PilotReplicaCount = 1|}, {|MESH108:PilotHpaMinReplicas = 1|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH108:PilotReplicaCount = 0|})]""")]
        [InlineData("""[assembly: MeshPlatform(PilotReplicaCount = 3, PilotHpaMinReplicas = 2)]""")]
        public Task MESH108_a_single_istiod_fires(string attribute) => Analyze(attribute);

        [Fact]
        public Task MESH109_allow_any_fires_when_a_service_of_the_project_declares_dependencies() =>
            Analyze("""
                [assembly: MeshPlatform({|MESH109:OutboundTrafficPolicy = OutboundTrafficPolicyMode.AllowAny|})]

                [MeshService("legacy-billing")]
                [DependsOn("ledger")]
                public sealed class LegacyBilling { }
                """);

        [Fact]
        public Task MESH109_allow_any_is_silent_without_declared_dependencies_and_registry_only_is_silent_with_them() =>
            Task.WhenAll(
                Analyze("""
                    [assembly: MeshPlatform(OutboundTrafficPolicy = OutboundTrafficPolicyMode.AllowAny)]

                    [MeshService("legacy-billing")]
                    public sealed class LegacyBilling { }
                    """),
                Analyze("""
                    [assembly: MeshPlatform(OutboundTrafficPolicy = OutboundTrafficPolicyMode.RegistryOnly)]

                    [MeshService("legacy-billing")]
                    [DependsOn("ledger")]
                    public sealed class LegacyBilling { }
                    """));

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH110:MutualTls = MutualTlsMode.Permissive|})]""")]
        [InlineData("""[assembly: MeshPlatform({|MESH110:MutualTls = MutualTlsMode.Disable|})]""")]
        [InlineData("""[assembly: MeshPlatform(MutualTls = MutualTlsMode.Strict)]""")]
        public Task MESH110_mesh_wide_mtls_not_strict_fires(string attribute) => Analyze(attribute);

        [Theory]
        [InlineData("""[assembly: MeshPlatform({|MESH111:HoldApplicationUntilProxyStarts = false|})]""")]
        [InlineData("""[assembly: MeshPlatform(HoldApplicationUntilProxyStarts = true)]""")]
        public Task MESH111_apps_starting_before_their_sidecar_fire(string attribute) => Analyze(attribute);

        [Theory]
        [InlineData("latest")]
        [InlineData("v1.24")]
        [InlineData("1.19")]
        public Task MESH009_a_MeshIstioVersion_that_is_not_a_supported_release_fires_at_the_platform(string release) =>
            Analyze("""[assembly: {|MESH009:MeshPlatform|}]""", ("MeshIstioVersion", release));

        [Theory]
        [InlineData("1.20")]
        [InlineData("1.21.4")]
        [InlineData("1.30")]
        public Task MESH009_every_supported_release_is_silent_for_the_platform(string release) =>
            Analyze("""[assembly: MeshPlatform(TracingSampling = 5)]""", ("MeshIstioVersion", release));

        [Fact]
        public Task MESH009_for_the_platform_says_nothing_of_it_is_written_and_what_to_write()
        {
            var test = Test("""[assembly: {|#0:MeshPlatform|}]""", ("MeshIstioVersion", "1.x"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotInIstioRelease).WithLocation(0).WithArguments(
                "MeshIstioVersion \"1.x\" is not an Istio release, so no manifest of the platform is written; set the MSBuild property to the release your cluster runs as major.minor, e.g. <MeshIstioVersion>1.24</MeshIstioVersion>"));
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task MESH004_invalid_MeshPrometheusRuleLabels_fire_at_the_platform() =>
            Analyze("[assembly: {|MESH004:MeshPlatform|}]", ("_MeshPrometheusRuleLabels", "release kube-prometheus-stack"));

        [Fact]
        public Task MESH004_valid_MeshPrometheusRuleLabels_are_silent_for_the_platform() =>
            Analyze("[assembly: MeshPlatform]", ("_MeshPrometheusRuleLabels", "release=kube-prometheus-stack"));

        [Fact]
        public Task MESH009_without_a_platform_the_platform_analyzer_is_silent() =>
            Analyze("""[assembly: MeshService("payment-service")]""", ("MeshIstioVersion", "latest"));

        private static Task Analyze(string source, params (string Name, string Value)[] properties) =>
            Test(source, properties).RunAsync(CancellationToken.None);

        private static CSharpAnalyzerTest<MeshPlatformAnalyzer, DefaultVerifier> Test(string source, params (string Name, string Value)[] properties)
        {
            var test = new CSharpAnalyzerTest<MeshPlatformAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
            test.TestState.Sources.Add(("/0/Test0.cs", Usings + source));
            if (properties.Length > 0)
            {
                test.TestState.AnalyzerConfigFiles.Add(Verify.GlobalConfig(properties));
            }

            test.TestState.AdditionalReferences.AddRange(TestReferences.All);
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            return test;
        }
    }
}
