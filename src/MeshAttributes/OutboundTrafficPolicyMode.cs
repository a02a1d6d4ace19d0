namespace MeshAttributes
{
    /// <summary>Values of the Sidecar's <c>outboundTrafficPolicy.mode</c>.</summary>
    public enum OutboundTrafficPolicyMode
    {
        /// <summary>
        /// <c>REGISTRY_ONLY</c>: the service reaches only the hosts its Sidecar imports (its <c>[DependsOn]</c> services and
        /// <c>istio-system</c>). Any other call, to an undeclared service or to a host outside the mesh, goes to Envoy's
        /// black hole: a plain-HTTP call gets 502, any other connection (HTTPS to an external API) is closed.
        /// </summary>
        RegistryOnly = 0,

        /// <summary>
        /// <c>ALLOW_ANY</c> (Istio's default): a call to a host the Sidecar does not import still goes out, passed through
        /// untouched, without the callee's circuit breaker, retries, timeouts or mutual TLS; calls to external hosts work.
        /// </summary>
        AllowAny = 1,
    }
}
