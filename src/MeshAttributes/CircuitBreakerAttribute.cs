using System;

namespace MeshAttributes
{
    /// <summary>
    /// Outlier detection for the service: Envoy ejects a host from the load-balancing pool after
    /// consecutive errors. Emitted as the DestinationRule's <c>trafficPolicy.outlierDetection</c>;
    /// only the properties you set are written, Istio's defaults apply to the rest.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CircuitBreakerAttribute : Attribute
    {
        /// <summary><c>consecutive5xxErrors</c>: 5xx responses in a row before a host is ejected. Istio default 5; 0 disables.</summary>
        public int Consecutive5xxErrors { get; set; }

        /// <summary>
        /// <c>consecutiveGatewayErrors</c>: 502, 503 and 504 responses in a row before a host is ejected.
        /// Off by default. Must be lower than <see cref="Consecutive5xxErrors"/> to have any effect.
        /// </summary>
        public int ConsecutiveGatewayErrors { get; set; }

        /// <summary><c>interval</c>: time between ejection sweeps, an Istio duration such as <c>"10s"</c>. Istio default 10s.</summary>
        public string? Interval { get; set; }

        /// <summary>
        /// <c>baseEjectionTime</c>: minimum ejection time, an Istio duration such as <c>"30s"</c>, multiplied
        /// by the number of times the host was ejected (capped at 300s). Istio default 30s.
        /// </summary>
        public string? BaseEjectionTime { get; set; }

        /// <summary><c>maxEjectionPercent</c>: the most hosts, in percent (0–100), that may be ejected at once. Istio default 10.</summary>
        public int MaxEjectionPercent { get; set; }

        /// <summary>
        /// <c>minHealthPercent</c>: outlier detection is enforced only while at least this percentage (0–100)
        /// of hosts is healthy. Istio default 0.
        /// </summary>
        public int MinHealthPercent { get; set; }
    }
}
