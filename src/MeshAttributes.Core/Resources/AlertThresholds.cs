using System.Globalization;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The thresholds a service's alerts and dashboard use: its <c>[Alerting]</c> values, and the case study's
    /// where it says nothing (5% errors warn, 20% are critical, P99 above 2s warns).
    /// </summary>
    public sealed class AlertThresholds
    {
        public const double DefaultErrorRateWarning = 0.05;
        public const double DefaultErrorRateCritical = 0.20;
        public const long DefaultLatencyP99Milliseconds = 2000;

        private AlertThresholds(double warning, double critical, long latencyMs, string? runbookUrl)
        {
            ErrorRateWarning = warning;
            ErrorRateCritical = critical;
            LatencyP99Milliseconds = latencyMs;
            RunbookUrl = runbookUrl;
        }

        public double ErrorRateWarning { get; }

        public double ErrorRateCritical { get; }

        /// <summary>Istio reports latency in milliseconds (<c>istio_request_duration_milliseconds</c>), so the threshold is kept in them.</summary>
        public long LatencyP99Milliseconds { get; }

        public string? RunbookUrl { get; }

        /// <summary>
        /// Resolves the service's thresholds. Values the rules reject (MESH001, MESH007, MESH008) never get here in
        /// a rendered file; an unparsable duration falls back to the default so this never throws.
        /// </summary>
        public static AlertThresholds For(ServiceSpec service)
        {
            AlertingSpec? alerting = service.Alerting;
            long latency = alerting?.LatencyP99 is string text && IstioDuration.TryParse(text, out IstioDuration d, out _)
                ? d.TotalMilliseconds
                : DefaultLatencyP99Milliseconds;
            return new AlertThresholds(
                alerting?.ErrorRateWarning ?? DefaultErrorRateWarning,
                alerting?.ErrorRateCritical ?? DefaultErrorRateCritical,
                latency,
                string.IsNullOrEmpty(alerting?.RunbookUrl) ? null : alerting!.RunbookUrl);
        }

        /// <summary>A ratio as PromQL reads it: the shortest round-trippable spelling, e.g. <c>0.05</c>.</summary>
        public static string PromQlNumber(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>A ratio as people read it: <c>0.05</c> → <c>5%</c>, <c>0.125</c> → <c>12.5%</c>.</summary>
        public static string Percent(double ratio) =>
            // Through decimal, so 0.07 reads "7%" and not "7.000000000000001%".
            ((decimal)ratio * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";
    }
}
