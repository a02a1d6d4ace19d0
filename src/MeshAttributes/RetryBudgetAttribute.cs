using System;

namespace MeshAttributes
{
    /// <summary>
    /// Caps concurrent retries relative to active requests: the DestinationRule's
    /// <c>trafficPolicy.retryBudget</c> (Istio 1.27+). Only the properties you set are written.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class RetryBudgetAttribute : Attribute
    {
        /// <summary><c>percent</c>: concurrent retries allowed as a percentage (0–100) of active and pending requests. Envoy default 20.</summary>
        public double Percent { get; set; }

        /// <summary><c>minRetryConcurrency</c>: retries always allowed regardless of the percentage. Envoy default 3.</summary>
        public int MinRetryConcurrency { get; set; }
    }
}
