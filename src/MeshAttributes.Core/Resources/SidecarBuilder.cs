using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The Sidecar that limits the service's outbound configuration to what it declared with
    /// <c>[DependsOn]</c> (plus <c>istio-system</c>, where the mesh's own telemetry lives). With the case study's
    /// <c>outboundTrafficPolicy: REGISTRY_ONLY</c>, a call to an undeclared service then fails in testing
    /// instead of silently joining the dependency chain. Written only when the service declares a dependency.
    /// </summary>
    public sealed class SidecarBuilder : IResourceBuilder
    {
        public string FileName => "sidecar.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "DependsOn" };

        public Node? Build(ServiceSpec service)
        {
            if (service.DependsOn.Count == 0)
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
            return InAppRetryAnnotation.Annotate(ResourceMetadata.Header("networking.istio.io/v1", "Sidecar", service), service)
                .Set("spec", new MapNode()
                    .Set("workloadSelector", new MapNode().Set("labels", new MapNode().Set("app", service.Name)))
                    .Set("egress", new SequenceNode().Add(new MapNode().Set("hosts", hosts))));
        }

        // "<namespace>/<fqdn>": the namespace whose exported config is imported, and the service's host name.
        private static string Host(DependencySpec dependency, string ownNamespace)
        {
            string ns = dependency.Namespace ?? ownNamespace;
            return $"{ns}/{dependency.Service}.{ns}.svc.cluster.local";
        }
    }
}
