using System;

namespace MeshAttributes
{
    /// <summary>
    /// Allows a service to call this one. With at least one <c>[AllowCaller]</c> the service gets an
    /// AuthorizationPolicy that allows only the listed callers' service accounts.
    /// </summary>
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

        /// <summary>The calling workload's Kubernetes service account; when unset, the service's name.</summary>
        public string? ServiceAccount { get; set; }
    }
}
