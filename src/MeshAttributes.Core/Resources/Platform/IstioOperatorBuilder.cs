using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// <c>istio-operator.yaml</c>: the <c>install.istio.io/v1alpha1</c> IstioOperator that <c>istioctl install -f</c> takes. Every
    /// field is one Istio's IstioOperator API has (<c>operator/pkg/apis/types.go</c> for the spec and <c>components</c>, the
    /// MeshConfig and ProxyConfig protos for <c>meshConfig</c>, <c>operator/pkg/apis/values_types.proto</c> for <c>values</c>).
    /// Beyond what <c>[MeshPlatform]</c> says, it asks the proxies for the Envoy statistics the mesh alerts and dashboard read
    /// (<see cref="StatsInclusionRegexps"/>, <see cref="StatsInclusionSuffixes"/>): Istio records only a minimal set by default.
    /// </summary>
    public sealed class IstioOperatorBuilder : IPlatformResourceBuilder
    {
        /// <summary>Outlier detection: <c>envoy_cluster_outlier_detection_ejections_active</c> (CircuitBreakerActive, the ejection panels).</summary>
        public static readonly IReadOnlyList<string> StatsInclusionRegexps = new[] { ".*outlier_detection.*" };

        /// <summary>Connection-pool overflow: <c>envoy_cluster_upstream_cx_overflow</c> and <c>envoy_cluster_upstream_rq_pending_overflow</c>.</summary>
        public static readonly IReadOnlyList<string> StatsInclusionSuffixes = new[] { "upstream_cx_overflow", "upstream_rq_pending_overflow" };

        public string FileName => "istio-operator.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        // Not in the kustomization: istioctl installs it, not kubectl (with no in-cluster operator, nothing would act on it).
        public bool IsKubernetesResource => false;

        public IReadOnlyCollection<string> Properties { get; } = new[]
        {
            "Name", "Namespace", "Profile", "AccessLogFile", "AccessLogEncoding", "AccessLogFormat", "EnableAutoMtls", "TracingSampling",
            "HoldApplicationUntilProxyStarts", "OutboundTrafficPolicy", "PilotReplicaCount", "PilotHpaMinReplicas", "PilotHpaMaxReplicas",
            "PilotRequestsCpu", "PilotRequestsMemory", "PilotLimitsCpu", "PilotLimitsMemory", "IngressGatewayName", "IngressGatewayEnabled",
            "IngressGatewayReplicaCount", "IngressGatewayRequestsCpu", "IngressGatewayRequestsMemory", "IngressGatewayLimitsCpu",
            "IngressGatewayLimitsMemory", "IngressGatewayServiceType", "ProxyRequestsCpu", "ProxyRequestsMemory", "ProxyLimitsCpu", "ProxyLimitsMemory",
        };

        public Node Build(PlatformSpec p)
        {
            var meshConfig = new MapNode()
                .Set("accessLogFile", p.AccessLogFile)
                .Set("accessLogEncoding", IstioEnums.AccessLogEncoding(p.AccessLogEncoding))
                .Set("accessLogFormat", p.AccessLogFormat)
                .Set("enableAutoMtls", p.EnableAutoMtls)
                .Set("defaultConfig", new MapNode()
                    .Set("tracing", new MapNode().Set("sampling", p.TracingSampling))
                    .Set("holdApplicationUntilProxyStarts", p.HoldApplicationUntilProxyStarts)
                    .Set("proxyStatsMatcher", new MapNode()
                        .Set("inclusionRegexps", Strings(StatsInclusionRegexps))
                        .Set("inclusionSuffixes", Strings(StatsInclusionSuffixes))))
                .Set("outboundTrafficPolicy", new MapNode().Set("mode", IstioEnums.OutboundTrafficPolicyMode(p.OutboundTrafficPolicy)));

            var pilot = new MapNode()
                .Set("resources", Resources(p.PilotResources))
                .Set("replicaCount", p.PilotReplicaCount)
                .Set("hpaSpec", new MapNode()
                    .Set("minReplicas", p.PilotHpaMinReplicas)
                    .Set("maxReplicas", p.PilotHpaMaxReplicas));

            var gatewayK8s = new MapNode()
                .Set("resources", Resources(p.IngressGatewayResources))
                .Set("replicaCount", p.IngressGatewayReplicaCount > 0 ? p.IngressGatewayReplicaCount : null)
                .Set("service", new MapNode()
                    .Set("type", p.IngressGatewayServiceType)
                    .Set("ports", new SequenceNode()
                        .Add(Port(80, 8080, "http2"))
                        .Add(Port(443, 8443, "https"))));

            return new MapNode()
                .Set("apiVersion", "install.istio.io/v1alpha1")
                .Set("kind", "IstioOperator")
                .Set("metadata", new MapNode()
                    .Set("name", p.Name)
                    .Set("namespace", p.Namespace))
                .Set("spec", new MapNode()
                    .Set("profile", p.Profile)
                    .Set("meshConfig", meshConfig)
                    .Set("components", new MapNode()
                        .Set("pilot", new MapNode().Set("k8s", pilot))
                        .Set("ingressGateways", new SequenceNode().Add(new MapNode()
                            .Set("name", p.IngressGatewayName)
                            .Set("enabled", p.IngressGatewayEnabled)
                            .Set("k8s", gatewayK8s))))
                    .Set("values", new MapNode()
                        .Set("global", new MapNode()
                            .Set("proxy", new MapNode()
                                .Set("resources", Resources(p.ProxyResources))))));
        }

        private static MapNode Resources(ResourcesSpec r) =>
            new MapNode()
                .Set("requests", new MapNode().Set("cpu", r.RequestsCpu).Set("memory", r.RequestsMemory))
                .Set("limits", new MapNode().Set("cpu", r.LimitsCpu).Set("memory", r.LimitsMemory));

        private static MapNode Port(int port, int targetPort, string name) =>
            new MapNode().Set("port", port).Set("targetPort", targetPort).Set("name", name);

        private static SequenceNode Strings(IReadOnlyList<string> items)
        {
            var sequence = new SequenceNode();
            foreach (string item in items)
            {
                sequence.Add(item);
            }

            return sequence;
        }
    }
}
