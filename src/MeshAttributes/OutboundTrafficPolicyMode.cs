namespace MeshAttributes
{
    /// <summary>
    /// Values of <c>outboundTrafficPolicy.mode</c>, numbered as Istio's own enum: a service's Sidecar
    /// (<see cref="OutboundTrafficPolicyAttribute"/>) or the whole mesh's MeshConfig (<see cref="MeshPlatformAttribute"/>).
    /// </summary>
    public enum OutboundTrafficPolicyMode
    {
        /// <summary>
        /// <c>REGISTRY_ONLY</c>: a sidecar reaches only the hosts it imports (for a service's Sidecar, its <c>[DependsOn]</c>
        /// services and <c>istio-system</c>; mesh-wide, the registry and ServiceEntries). Any other call goes to Envoy's black
        /// hole: a plain-HTTP call gets 502, any other connection (HTTPS to an external API) is closed.
        /// </summary>
        RegistryOnly = 0,

        /// <summary>
        /// <c>ALLOW_ANY</c> (Istio's default): a call to a host the sidecar does not import still goes out, passed through
        /// untouched, without the callee's circuit breaker, retries, timeouts or mutual TLS; calls to external hosts work.
        /// </summary>
        AllowAny = 1,
    }
}
