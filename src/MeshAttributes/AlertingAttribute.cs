using System;

namespace MeshAttributes
{
    /// <summary>
    /// Alert thresholds for the service's PrometheusRule. Without this attribute, or for a property left
    /// unset, the case study's thresholds apply: 5% errors warn, 20% errors are critical, P99 above 2s warns.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AlertingAttribute : Attribute
    {
        /// <summary>
        /// Ratio of 5xx responses (0–1) the service's callers get, the mesh's own 503s and 504s included, above which
        /// <c>ServiceHighErrorRate</c> fires. Default 0.05.
        /// </summary>
        public double ErrorRateWarning { get; set; }

        /// <summary>Ratio of 5xx responses (0–1) the callers get above which <c>ServiceCriticalErrorRate</c> fires. Default 0.20.</summary>
        public double ErrorRateCritical { get; set; }

        /// <summary>P99 latency, an Istio duration such as <c>"2s"</c>, above which <c>ServiceHighLatency</c> fires. Default 2s.</summary>
        public string? LatencyP99 { get; set; }

        /// <summary>
        /// A runbook address written as every alert's <c>runbook_url</c> annotation, shown exactly as written: Prometheus
        /// expands annotations as templates, so a <c>{{</c> in it is escaped rather than run.
        /// </summary>
        public string? RunbookUrl { get; set; }
    }
}
