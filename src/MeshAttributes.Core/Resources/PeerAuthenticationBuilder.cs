using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>The PeerAuthentication for the service's pods (<c>app: &lt;service&gt;</c>): STRICT unless <c>[MutualTls]</c> says otherwise.</summary>
    public sealed class PeerAuthenticationBuilder : IResourceBuilder
    {
        public string FileName => "peerauthentication.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "MutualTls" };

        public Node? Build(ServiceSpec service)
        {
            string mode = service.MutualTls is { } mtls ? IstioEnums.MutualTlsMode(mtls.Mode) ?? "STRICT" : "STRICT";
            return ResourceMetadata.WorkloadHeader(IstioFeatures.Security(service.TargetIstio), "PeerAuthentication", service)
                .Set("spec", new MapNode()
                    .Set("selector", new MapNode().Set("matchLabels", ResourceMetadata.PodLabels(service)))
                    .Set("mtls", new MapNode().Set("mode", mode)));
        }
    }
}
