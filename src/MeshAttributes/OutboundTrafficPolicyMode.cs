namespace MeshAttributes
{
    /// <summary>Values of MeshConfig's <c>outboundTrafficPolicy.mode</c>, numbered as Istio's own enum.</summary>
    public enum OutboundTrafficPolicyMode
    {
        /// <summary>
        /// <c>REGISTRY_ONLY</c>: a sidecar sends traffic only to services in the registry and ServiceEntries; anything else
        /// gets a 502 from the BlackHoleCluster (the production install's choice).
        /// </summary>
        RegistryOnly = 0,

        /// <summary><c>ALLOW_ANY</c>: traffic to unknown hosts passes through unmanaged (Istio's own default).</summary>
        AllowAny = 1,
    }
}
