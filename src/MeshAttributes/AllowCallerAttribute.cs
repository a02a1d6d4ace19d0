using System;

namespace MeshAttributes
{
    /// <summary>
    /// Allows a service to call this one. With at least one <c>[AllowCaller]</c> the service gets an
    /// AuthorizationPolicy that allows only the listed callers' service accounts.
    /// </summary>
    /// <remarks>
    /// The policy matches the identity mutual TLS proves, <c>cluster.local/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c>
    /// (Istio's default trust domain), and selects this service's pods by their <c>app: &lt;service&gt;</c> label. A caller
    /// whose pods run as another account than the one named here gets 403: set <see cref="ServiceAccount"/> to the
    /// account the caller declares in its own <c>[MeshService(ServiceAccount = ...)]</c>.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class AllowCallerAttribute : Attribute
    {
        /// <summary>Allows a caller.</summary>
        /// <param name="service">The calling service's name, a DNS-1123 label such as <c>checkout-service</c>.</param>
        public AllowCallerAttribute(string service) => Service = service;

        /// <summary>The calling service's name.</summary>
        public string Service { get; }

        /// <summary>The calling service's namespace; when unset, this service's namespace.</summary>
        public string? Namespace { get; set; }

        /// <summary>
        /// The Kubernetes service account the caller's pods run as, a DNS-1123 subdomain; when unset, the caller's service
        /// name (the default of <c>[MeshService(ServiceAccount)]</c>).
        /// </summary>
        public string? ServiceAccount { get; set; }
    }
}
