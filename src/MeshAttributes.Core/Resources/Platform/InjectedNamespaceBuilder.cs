using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// A <c>Namespace</c> labelled <c>istio-injection: enabled</c> per <c>[InjectNamespace]</c>, one file each
    /// (<c>namespace-&lt;name&gt;.yaml</c>). Applying it to a namespace that exists adds the label, as
    /// <c>kubectl label namespace &lt;name&gt; istio-injection=enabled</c> would; pods created afterwards get a sidecar.
    /// The namespace holds the applications, so Argo CD and Flux are told never to delete it when pruning (a plain
    /// <c>kubectl delete -k</c> still would).
    /// </summary>
    public static class InjectedNamespaceBuilder
    {
        public const string InjectionLabel = "istio-injection";

        public static string FileName(string @namespace) => "namespace-" + @namespace + ".yaml";

        public static Node Build(PlatformSpec platform, string @namespace)
        {
            MapNode document = PlatformMetadata.Header("v1", "Namespace", @namespace, null, platform, new MapNode().Set(InjectionLabel, "enabled"));
            var metadata = (MapNode)document[2].Value;
            metadata.Set("annotations", new MapNode()
                .Set("argocd.argoproj.io/sync-options", "Delete=false")
                .Set("kustomize.toolkit.fluxcd.io/prune", "disabled"));
            return document;
        }
    }
}
