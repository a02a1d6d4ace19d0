using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// A <c>Namespace</c> labelled <c>istio-injection: enabled</c> per <c>[InjectNamespace]</c>, one file each
    /// (<c>namespace-&lt;name&gt;.yaml</c>). Applying it to a namespace that exists adds the label, as
    /// <c>kubectl label namespace &lt;name&gt; istio-injection=enabled</c> would; pods created afterwards get a sidecar.
    /// </summary>
    public static class InjectedNamespaceBuilder
    {
        public const string InjectionLabel = "istio-injection";

        public static string FileName(string @namespace) => "namespace-" + @namespace + ".yaml";

        public static Node Build(PlatformSpec platform, string @namespace) =>
            PlatformMetadata.Header("v1", "Namespace", @namespace, null, platform, new MapNode().Set(InjectionLabel, "enabled"));
    }
}
