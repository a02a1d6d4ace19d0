using System;

namespace MeshAttributes
{
    /// <summary>
    /// Declares a service this one calls. Each dependency becomes an egress host of the service's Sidecar
    /// and an edge of the mesh dependency graph that the <c>mesh</c> CLI checks.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DependsOnAttribute : Attribute
    {
        /// <summary>Declares a dependency.</summary>
        /// <param name="service">The called service's name, a DNS-1123 label such as <c>inventory-service</c>.</param>
        public DependsOnAttribute(string service) => Service = service;

        /// <summary>The called service's name.</summary>
        public string Service { get; }

        /// <summary>The called service's namespace; when unset, this service's namespace.</summary>
        public string? Namespace { get; set; }
    }
}
