using System;

namespace MeshAttributes
{
    /// <summary>
    /// The route timeout: the VirtualService route's <c>timeout</c>, which includes every retry and the
    /// back-off between them. On the service it applies to the default route; on an endpoint it replaces the
    /// service's <c>[Timeout]</c> for that endpoint. Istio's route timeout is off when unset.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class TimeoutAttribute : Attribute
    {
        /// <summary>Sets the route timeout.</summary>
        /// <param name="timeout">An Istio duration such as <c>"10s"</c> or <c>"250ms"</c>, at least 1ms.</param>
        public TimeoutAttribute(string timeout) => Timeout = timeout;

        /// <summary><c>timeout</c>, an Istio duration.</summary>
        public string Timeout { get; }
    }
}
