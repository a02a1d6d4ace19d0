using System;

namespace MeshAttributes
{
    /// <summary>
    /// What happens to the service's calls to hosts it did not declare: the Sidecar's <c>outboundTrafficPolicy.mode</c>.
    /// A <c>[DependsOn]</c> Sidecar only narrows the configuration the service's proxy receives; under Istio's default,
    /// <see cref="OutboundTrafficPolicyMode.AllowAny"/>, an undeclared call still goes out, bypassing the callee's circuit
    /// breaker and mutual TLS. <see cref="OutboundTrafficPolicyMode.RegistryOnly"/> makes the declared dependencies the
    /// only ones that work.
    /// </summary>
    /// <remarks>
    /// With this attribute the Sidecar is written even when the service declares no <c>[DependsOn]</c>: under
    /// <see cref="OutboundTrafficPolicyMode.RegistryOnly"/> the service then reaches nothing but <c>istio-system</c>.
    /// The Sidecar imports only the declared services, so under <see cref="OutboundTrafficPolicyMode.RegistryOnly"/> calls
    /// to hosts outside the mesh (a payment gateway, a cloud API) fail too, even with a ServiceEntry for them: a service
    /// that calls such hosts keeps <see cref="OutboundTrafficPolicyMode.AllowAny"/>.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class OutboundTrafficPolicyAttribute : Attribute
    {
        /// <summary>Sets the outbound traffic policy.</summary>
        /// <param name="mode">The mode; <see cref="OutboundTrafficPolicyMode.RegistryOnly"/> enforces the declared dependencies.</param>
        public OutboundTrafficPolicyAttribute(OutboundTrafficPolicyMode mode) => Mode = mode;

        /// <summary><c>outboundTrafficPolicy.mode</c>.</summary>
        public OutboundTrafficPolicyMode Mode { get; }
    }
}
