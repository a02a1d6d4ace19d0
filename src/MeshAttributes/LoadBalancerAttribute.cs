using System;

namespace MeshAttributes
{
    /// <summary>The load-balancing algorithm: the DestinationRule's <c>trafficPolicy.loadBalancer.simple</c>.</summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LoadBalancerAttribute : Attribute
    {
        /// <summary>Chooses the load-balancing algorithm.</summary>
        /// <param name="simple">The algorithm; Istio's default is <see cref="LoadBalancerPolicy.LeastRequest"/>.</param>
        public LoadBalancerAttribute(LoadBalancerPolicy simple) => Simple = simple;

        /// <summary><c>loadBalancer.simple</c>.</summary>
        public LoadBalancerPolicy Simple { get; }
    }
}
