using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// The mesh-wide PeerAuthentication: named <c>default</c>, without a selector, in the root namespace (where istiod runs), so it
    /// applies to every workload that has no PeerAuthentication of its own. STRICT unless <c>MeshPlatform.MutualTls</c> says otherwise.
    /// Its apiVersion follows <c>MeshIstioVersion</c>, as a service's PeerAuthentication does.
    /// </summary>
    public sealed class RootPeerAuthenticationBuilder : IPlatformResourceBuilder
    {
        public string FileName => "peerauthentication.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Properties { get; } = new[] { "Name", "Namespace", "MutualTls" };

        public Node Build(PlatformSpec platform) =>
            PlatformMetadata.Header(IstioFeatures.Security(platform.TargetIstio), "PeerAuthentication", "default", platform.Namespace, platform)
                .Set("spec", new MapNode().Set("mtls", new MapNode().Set("mode", IstioEnums.MutualTlsMode(platform.MutualTls))));
    }
}
