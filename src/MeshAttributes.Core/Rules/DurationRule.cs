using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH001: every duration must be one Istio accepts.</summary>
    public static class DurationRule
    {
        public static IEnumerable<Finding> Check(ServiceSpec service)
        {
            var findings = new List<Finding>();
            void Check(string? value, FindingTarget target)
            {
                if (value is not null && !IstioDuration.TryParse(value, out _, out string? error))
                {
                    findings.Add(new Finding(
                        RuleIds.InvalidDuration,
                        FindingSeverity.Error,
                        $"{target.Attribute}.{target.Property} of {PolicyRules.Where(service, target.Endpoint)}: {error}",
                        target).With(FindingProperties.Replacement, IstioDuration.Suggest(value)));
                }
            }

            Check(service.CircuitBreaker?.Interval, new FindingTarget("CircuitBreaker", "Interval"));
            Check(service.CircuitBreaker?.BaseEjectionTime, new FindingTarget("CircuitBreaker", "BaseEjectionTime"));
            Check(service.ConnectionPool?.ConnectTimeout, new FindingTarget("ConnectionPool", "ConnectTimeout"));
            Check(service.ConnectionPool?.IdleTimeout, new FindingTarget("ConnectionPool", "IdleTimeout"));
            Check(service.Alerting?.LatencyP99, new FindingTarget("Alerting", "LatencyP99"));
            foreach (var (endpoint, retry, timeout) in PolicyRules.RoutePolicies(service))
            {
                Check(retry?.PerTryTimeout, new FindingTarget("Retry", "PerTryTimeout", endpoint));
                Check(timeout?.Timeout, new FindingTarget("Timeout", "Timeout", endpoint));
            }

            return findings;
        }
    }
}
