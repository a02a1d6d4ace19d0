using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The AuthorizationPolicy that allows only the callers named by <c>[AllowCaller]</c>, by the SPIFFE identity
    /// mutual TLS proves (<c>cluster.local/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c>; Istio's default trust
    /// domain), where a caller's account is the one its <c>[AllowCaller(ServiceAccount)]</c> names, else the caller's
    /// service name. An ALLOW policy denies every request it does not match. Written only when a caller is declared.
    /// </summary>
    public sealed class AuthorizationPolicyBuilder : IResourceBuilder
    {
        public const string TrustDomain = "cluster.local";

        public string FileName => "authorizationpolicy.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "AllowCaller" };

        /// <summary>The identity mutual TLS proves for a workload running as <paramref name="serviceAccount"/> in <paramref name="ns"/>.</summary>
        public static string Principal(string ns, string serviceAccount) => $"{TrustDomain}/ns/{ns}/sa/{serviceAccount}";

        public Node? Build(ServiceSpec service)
        {
            if (service.AllowCallers.Count == 0)
            {
                return null;
            }

            var principals = new SequenceNode();
            foreach (string principal in service.AllowCallers
                .Select(c => Principal(c.Namespace ?? service.EffectiveNamespace, c.ServiceAccount ?? c.Service))
                .Distinct()
                .OrderBy(p => p, System.StringComparer.Ordinal))
            {
                principals.Add(principal);
            }

            return ResourceMetadata.WorkloadHeader(IstioFeatures.Security(service.TargetIstio), "AuthorizationPolicy", service)
                .Set("spec", new MapNode()
                    .Set("selector", new MapNode().Set("matchLabels", ResourceMetadata.PodLabels(service)))
                    .Set("action", "ALLOW")
                    .Set("rules", new SequenceNode().Add(new MapNode()
                        .Set("from", new SequenceNode().Add(new MapNode()
                            .Set("source", new MapNode().Set("principals", principals)))))));
        }
    }
}
