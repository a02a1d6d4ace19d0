using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH001: every duration must be one Istio accepts.</summary>
    public static class DurationRule
    {
        public static IEnumerable<Finding> Check(ServiceSpec service)
        {
            List<Finding>? findings = null;
            void Check(string? value, string attribute, string property, int? endpoint = null)
            {
                if (value is not null && !IstioDuration.TryParse(value, out _, out string? error))
                {
                    var target = new FindingTarget(attribute, property, endpoint);
                    (findings ??= new List<Finding>()).Add(new Finding(
                        RuleIds.InvalidDuration,
                        FindingSeverity.Error,
                        $"{target.Attribute}.{target.Property} of {PolicyRules.Where(service, target.Endpoint)}: {error}",
                        target).With(FindingProperties.Replacement, IstioDuration.Suggest(value)));
                }
            }

            Check(service.CircuitBreaker?.Interval, "CircuitBreaker", "Interval");
            Check(service.CircuitBreaker?.BaseEjectionTime, "CircuitBreaker", "BaseEjectionTime");
            Check(service.ConnectionPool?.ConnectTimeout, "ConnectionPool", "ConnectTimeout");
            Check(service.ConnectionPool?.IdleTimeout, "ConnectionPool", "IdleTimeout");
            Check(service.Alerting?.LatencyP99, "Alerting", "LatencyP99");
            foreach (var (endpoint, retry, timeout) in PolicyRules.RoutePolicies(service))
            {
                Check(retry?.PerTryTimeout, "Retry", "PerTryTimeout", endpoint);
                Check(timeout?.Timeout, "Timeout", "Timeout", endpoint);
            }

            return (IEnumerable<Finding>?)findings ?? System.Array.Empty<Finding>();
        }
    }
}
