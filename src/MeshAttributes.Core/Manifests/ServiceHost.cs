using System;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Reads a Kubernetes service out of an Istio host: <c>inventory-service</c> (short name, in the resource's namespace),
    /// <c>inventory-service.shop</c>, or <c>inventory-service.shop.svc.cluster.local</c>. Wildcards and hosts outside the
    /// cluster (<c>api.stripe.com</c>) name no service of the mesh and give null.
    /// </summary>
    internal static class ServiceHost
    {
        private const string ClusterSuffix = ".svc.cluster.local";

        public static (string Name, string Namespace)? Parse(string host, string ownNamespace)
        {
            if (host.Length == 0 || host.IndexOf('*') >= 0)
            {
                return null;
            }

            if (host.EndsWith(ClusterSuffix, StringComparison.OrdinalIgnoreCase))
            {
                host = host.Substring(0, host.Length - ClusterSuffix.Length);
                int dot = host.IndexOf('.');
                return dot > 0 && host.IndexOf('.', dot + 1) < 0 ? (host.Substring(0, dot), host.Substring(dot + 1)) : null;
            }

            int first = host.IndexOf('.');
            if (first < 0)
            {
                return (host, ownNamespace);
            }

            // "<service>.<namespace>": one dot, as Kubernetes DNS resolves it inside the cluster.
            return host.IndexOf('.', first + 1) < 0 ? (host.Substring(0, first), host.Substring(first + 1)) : null;
        }

        /// <summary>
        /// A Sidecar egress host, <c>&lt;namespace&gt;/&lt;host&gt;</c>: <c>.</c> is the Sidecar's own namespace, <c>*</c> any
        /// namespace (the namespace is then the host's, or null for "wherever the name is"), <c>~</c> imports nothing.
        /// </summary>
        public static (string Name, string? Namespace)? ParseEgress(string egress, string ownNamespace)
        {
            int slash = egress.IndexOf('/');
            string ns = slash < 0 ? "*" : egress.Substring(0, slash);
            string host = slash < 0 ? egress : egress.Substring(slash + 1);
            if (ns == "~")
            {
                return null;
            }

            string? importNamespace = ns == "." ? ownNamespace : ns == "*" ? null : ns;
            if (Parse(host, importNamespace ?? ownNamespace) is not { } service)
            {
                return null;
            }

            // A short name under "*/" is found wherever it is; a qualified one names its namespace.
            bool qualified = host.IndexOf('.') >= 0;
            return (service.Name, qualified || importNamespace is not null ? service.Namespace : null);
        }
    }
}
