using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The Sidecar that limits the service's outbound configuration to what it declared with <c>[DependsOn]</c> (plus
    /// <c>istio-system</c>, where the mesh's own telemetry lives), and with <c>[OutboundTrafficPolicy]</c> sets what
    /// happens to any other call: under <c>REGISTRY_ONLY</c> it fails (502 for plain HTTP), under Istio's default
    /// <c>ALLOW_ANY</c> it still goes out, past the callee's circuit breaker and mutual TLS. Written when the service
    /// declares a dependency or an outbound traffic policy.
    /// </summary>
    public sealed class SidecarBuilder : IResourceBuilder
    {
        public string FileName => "sidecar.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "DependsOn", "OutboundTrafficPolicy" };

        public Node? Build(ServiceSpec service)
        {
            if (service.DependsOn.Count == 0 && service.OutboundTrafficPolicy is null)
            {
                return null;
            }

            var hosts = new SequenceNode();
            foreach (string host in service.DependsOn
                .Select(d => Host(d, service.EffectiveNamespace))
                .Distinct()
                .OrderBy(h => h, System.StringComparer.Ordinal))
            {
                hosts.Add(host);
            }

            hosts.Add("istio-system/*");
            string? mode = service.OutboundTrafficPolicy is { } policy ? IstioEnums.OutboundTrafficPolicyMode(policy.Mode) : null;
            return InAppRetryAnnotation.Annotate(ResourceMetadata.WorkloadHeader(IstioFeatures.Networking(service.TargetIstio), "Sidecar", service), service)
                .Set("spec", new MapNode()
                    .Set("workloadSelector", new MapNode().Set("labels", ResourceMetadata.PodLabels(service)))
                    .Set("egress", new SequenceNode().Add(new MapNode().Set("hosts", hosts)))
                    .Set("outboundTrafficPolicy", mode is null ? null : new MapNode().Set("mode", mode)));
        }

        // "<namespace>/<fqdn>": the namespace whose exported config is imported, and the service's host name.
        private static string Host(DependencySpec dependency, string ownNamespace)
        {
            string ns = dependency.Namespace ?? ownNamespace;
            return $"{ns}/{dependency.Service}.{ns}.svc.cluster.local";
        }
    }
}
