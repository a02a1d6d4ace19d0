using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH001: every duration must be one Istio accepts.</summary>
    public static class DurationRule
    {
        public static readonly PolicyRule Rule = new(
            static (service, findings) =>
            {
                Check(service, null, service.CircuitBreaker?.Interval, "CircuitBreaker", "Interval", null, findings);
                Check(service, null, service.CircuitBreaker?.BaseEjectionTime, "CircuitBreaker", "BaseEjectionTime", null, findings);
                Check(service, null, service.ConnectionPool?.ConnectTimeout, "ConnectionPool", "ConnectTimeout", null, findings);
                Check(service, null, service.ConnectionPool?.IdleTimeout, "ConnectionPool", "IdleTimeout", null, findings);
                Check(service, null, service.Alerting?.LatencyP99, "Alerting", "LatencyP99", null, findings);
                Check(service, null, service.Retry?.PerTryTimeout, "Retry", "PerTryTimeout", null, findings);
                Check(service, null, service.Timeout?.Timeout, "Timeout", "Timeout", null, findings);
            },
            static (service, endpoint, index, findings) =>
            {
                Check(service, endpoint, endpoint.Retry?.PerTryTimeout, "Retry", "PerTryTimeout", index, findings);
                Check(service, endpoint, endpoint.Timeout?.Timeout, "Timeout", "Timeout", index, findings);
            });

        public static System.Collections.Generic.IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Check(ServiceSpec service, EndpointSpec? endpoint, string? value, string attribute, string property, int? index, FindingSink findings)
        {
            if (value is not null && !IstioDuration.TryParse(value, out _, out string? error))
            {
                findings.Add(new Finding(
                    RuleIds.InvalidDuration,
                    FindingSeverity.Error,
                    $"{attribute}.{property} of {PolicyRules.Where(service, endpoint)}: {error}",
                    new FindingTarget(attribute, property, index)).With(FindingProperties.Replacement, IstioDuration.Suggest(value)));
            }
        }
    }
}
