using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// The IstioOperator CRD preserves unknown fields, so the API server would accept a misspelt field and istioctl would drop or
    /// refuse it. Every field <c>istio-operator.yaml</c> can hold is listed here with where Istio 1.30 defines it, and the
    /// generated file may hold no other.
    /// </summary>
    public class IstioOperatorFieldsTests
    {
        private const string Types = "istio/istio operator/pkg/apis/types.go";
        private const string MeshConfig = "istio/api mesh/v1alpha1/config.proto MeshConfig";
        private const string ProxyConfig = "istio/api mesh/v1alpha1/proxy.proto ProxyConfig";
        private const string Values = "istio/istio operator/pkg/apis/values_types.proto";

        /// <summary>Field path (JSON names, <c>[]</c> for list items) and its definition.</summary>
        public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["apiVersion"] = Types + ": IstioOperator metav1.TypeMeta (install.istio.io/v1alpha1)",
            ["kind"] = Types + ": IstioOperator metav1.TypeMeta",
            ["metadata.name"] = Types + ": IstioOperator metav1.ObjectMeta",
            ["metadata.namespace"] = Types + ": IstioOperator metav1.ObjectMeta",
            ["spec.profile"] = Types + ": IstioOperatorSpec.Profile `json:\"profile\"`",
            ["spec.meshConfig.accessLogFile"] = MeshConfig + ".access_log_file = 13",
            ["spec.meshConfig.accessLogEncoding"] = MeshConfig + ".access_log_encoding = 27 (TEXT, JSON)",
            ["spec.meshConfig.accessLogFormat"] = MeshConfig + ".access_log_format = 24",
            ["spec.meshConfig.enableAutoMtls"] = MeshConfig + ".enable_auto_mtls = 43",
            ["spec.meshConfig.defaultConfig.tracing.sampling"] = MeshConfig + ".default_config = 14; " + ProxyConfig + ".tracing = 19; Tracing.sampling = 7",
            ["spec.meshConfig.defaultConfig.holdApplicationUntilProxyStarts"] = ProxyConfig + ".hold_application_until_proxy_starts = 33",
            ["spec.meshConfig.defaultConfig.proxyStatsMatcher.inclusionRegexps[]"] = ProxyConfig + ".proxy_stats_matcher = 32; ProxyStatsMatcher.inclusion_regexps = 3",
            ["spec.meshConfig.defaultConfig.proxyStatsMatcher.inclusionSuffixes[]"] = ProxyConfig + ".proxy_stats_matcher = 32; ProxyStatsMatcher.inclusion_suffixes = 2",
            ["spec.meshConfig.outboundTrafficPolicy.mode"] = MeshConfig + ".outbound_traffic_policy = 17; OutboundTrafficPolicy.mode = 1 (REGISTRY_ONLY, ALLOW_ANY)",
            ["spec.components.pilot.k8s.resources.requests.cpu"] = Types + ": IstioComponentSpec.Pilot, ComponentSpec.Kubernetes `json:\"k8s\"`, KubernetesResources.Resources (corev1.ResourceRequirements)",
            ["spec.components.pilot.k8s.resources.requests.memory"] = Types + ": KubernetesResources.Resources",
            ["spec.components.pilot.k8s.resources.limits.cpu"] = Types + ": KubernetesResources.Resources",
            ["spec.components.pilot.k8s.resources.limits.memory"] = Types + ": KubernetesResources.Resources",
            ["spec.components.pilot.k8s.replicaCount"] = Types + ": KubernetesResources.ReplicaCount (patched into the Deployment's spec.replicas, operator/pkg/render/postprocess.go)",
            ["spec.components.pilot.k8s.hpaSpec.minReplicas"] = Types + ": KubernetesResources.HpaSpec (autoscaling/v2 HorizontalPodAutoscalerSpec, patched into the HPA's spec)",
            ["spec.components.pilot.k8s.hpaSpec.maxReplicas"] = Types + ": KubernetesResources.HpaSpec",
            ["spec.components.ingressGateways[].name"] = Types + ": IstioComponentSpec.IngressGateways, GatewayComponentSpec.Name",
            ["spec.components.ingressGateways[].enabled"] = Types + ": GatewayComponentSpec's ComponentSpec.Enabled",
            ["spec.components.ingressGateways[].k8s.resources.requests.cpu"] = Types + ": KubernetesResources.Resources",
            ["spec.components.ingressGateways[].k8s.resources.requests.memory"] = Types + ": KubernetesResources.Resources",
            ["spec.components.ingressGateways[].k8s.resources.limits.cpu"] = Types + ": KubernetesResources.Resources",
            ["spec.components.ingressGateways[].k8s.resources.limits.memory"] = Types + ": KubernetesResources.Resources",
            ["spec.components.ingressGateways[].k8s.replicaCount"] = Types + ": KubernetesResources.ReplicaCount",
            ["spec.components.ingressGateways[].k8s.service.type"] = Types + ": KubernetesResources.Service (corev1.ServiceSpec.Type)",
            ["spec.components.ingressGateways[].k8s.service.ports[].port"] = Types + ": KubernetesResources.Service (corev1.ServicePort.Port)",
            ["spec.components.ingressGateways[].k8s.service.ports[].targetPort"] = Types + ": KubernetesResources.Service (corev1.ServicePort.TargetPort)",
            ["spec.components.ingressGateways[].k8s.service.ports[].name"] = Types + ": KubernetesResources.Service (corev1.ServicePort.Name)",
            ["spec.values.global.proxy.resources.requests.cpu"] = Values + ": Values.global, GlobalConfig.proxy, ProxyConfig.resources = 24, Resources.requests",
            ["spec.values.global.proxy.resources.requests.memory"] = Values + ": Resources.requests",
            ["spec.values.global.proxy.resources.limits.cpu"] = Values + ": Resources.limits",
            ["spec.values.global.proxy.resources.limits.memory"] = Values + ": Resources.limits",
        };

        [Fact]
        public void Every_field_of_the_default_install_is_an_istio_operator_api_field()
        {
            var fields = YamlFields.Paths(YamlFields.Parse(Install("[assembly: MeshPlatform]"))).ToList();

            Assert.DoesNotContain(fields, f => !Fields.ContainsKey(f));
        }

        [Fact]
        public void Every_listed_field_is_written_by_some_install()
        {
            var fields = YamlFields.Paths(YamlFields.Parse(Install("[assembly: MeshPlatform(IngressGatewayReplicaCount = 3)]"))).ToList();

            Assert.Equal(Fields.Keys.OrderBy(k => k, StringComparer.Ordinal), fields.OrderBy(k => k, StringComparer.Ordinal));
        }

        private static string Install(string attribute) =>
            GeneratorHarness.Run("using MeshAttributes;\n" + attribute + "\n").Manifests["platform/istio-operator.yaml"];
    }
}
