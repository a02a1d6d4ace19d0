namespace MeshAttributes.Core.Model
{
    /// <summary><c>[Alerting]</c>: thresholds of the service's PrometheusRule.</summary>
    public sealed record AlertingSpec(double? ErrorRateWarning, double? ErrorRateCritical, string? LatencyP99, string? RunbookUrl);
}
