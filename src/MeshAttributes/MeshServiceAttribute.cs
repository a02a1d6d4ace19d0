using System;

namespace MeshAttributes
{
    /// <summary>
    /// Names the Kubernetes service that the policy attributes in scope describe. Every generated
    /// resource is named after it, and it is the <c>host</c> of the DestinationRule and VirtualService.
    /// </summary>
    /// <remarks>
    /// On the assembly it declares the service this project is; the endpoints of the project belong to it.
    /// On a class it declares one more service (one per class) whose policy attributes sit on that class,
    /// so a platform project can describe services written in other languages.
    /// <para>
    /// Two assumptions about the service's pods are written into the manifests, and a cluster must meet them:
    /// the pods carry the label <c>app: &lt;name&gt;</c> (the PeerAuthentication, Sidecar and AuthorizationPolicy select
    /// them by it, as Istio's own conventions do; a pod without it is selected by none of them, so its callers are not
    /// restricted), and they run as the Kubernetes service account <see cref="ServiceAccount"/> (by default the service's
    /// name), whose identity the services that allow this one as a caller expect. Every resource that selects the pods
    /// names that account in its <c>meshattributes.io/service-account</c> annotation, so both can be checked against the
    /// Deployment.
    /// </para>
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class MeshServiceAttribute : Attribute
    {
        /// <summary>Declares a mesh service.</summary>
        /// <param name="name">The Kubernetes service name, a DNS-1123 label such as <c>checkout-service</c>.</param>
        public MeshServiceAttribute(string name) => Name = name;

        /// <summary>The Kubernetes service name (<c>metadata.name</c> of every resource and the route <c>host</c>).</summary>
        public string Name { get; }

        /// <summary>
        /// The Kubernetes namespace (<c>metadata.namespace</c>), a DNS-1123 label. When unset, the
        /// <c>MeshNamespace</c> MSBuild property applies, and without it <c>default</c>.
        /// </summary>
        public string? Namespace { get; set; }

        /// <summary>
        /// The service port (1–65535) the routes send to (<c>route[].destination.port.number</c>).
        /// When unset, no port is written and Istio picks the service's only port.
        /// </summary>
        public int Port { get; set; }

        /// <summary>
        /// The Kubernetes service account the service's pods run as (the Deployment's <c>serviceAccountName</c>), a DNS-1123
        /// subdomain such as <c>checkout</c>. Mutual TLS proves it to callees as <c>cluster.local/ns/&lt;namespace&gt;/sa/&lt;account&gt;</c>,
        /// and a callee's <c>[AllowCaller]</c> must name the same account. When unset, the service's name; a pod running
        /// as another account (e.g. <c>default</c>) is refused with 403 by every callee that restricts its callers.
        /// </summary>
        public string? ServiceAccount { get; set; }
    }
}
