namespace MeshAttributes
{
    /// <summary>Values of the DestinationRule's <c>trafficPolicy.loadBalancer.simple</c>.</summary>
    public enum LoadBalancerPolicy
    {
        /// <summary><c>LEAST_REQUEST</c>: send to the host with fewer active requests (Istio's default).</summary>
        LeastRequest = 0,

        /// <summary><c>ROUND_ROBIN</c>: send to each host in turn.</summary>
        RoundRobin = 1,

        /// <summary><c>RANDOM</c>: send to a random host.</summary>
        Random = 2,

        /// <summary><c>PASSTHROUGH</c>: send to the address the caller asked for, without load balancing.</summary>
        Passthrough = 3,
    }
}
