using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH003: counts are not negative, percentages lie in 0–100, ports in 1–65535, enum values are defined.</summary>
    public static class RangeRule
    {
        public static IEnumerable<Finding> Check(ServiceSpec service)
        {
            var findings = new List<Finding>();
            string where = $"service '{service.Name}'";

            void Count(int? value, string attribute, string property, int? endpoint = null)
            {
                if (value < 0)
                {
                    findings.Add(Finding(
                        $"{attribute}.{property} of {PolicyRules.Where(service, endpoint)} is {value}, but it counts something and cannot be negative; write 0 or more, or leave it unset for Istio's default",
                        new FindingTarget(attribute, property, endpoint)));
                }
            }

            void Percent(double? value, string attribute, string property)
            {
                if (value is double v && !(v >= 0 && v <= 100))
                {
                    findings.Add(Finding(
                        $"{attribute}.{property} of {where} is {v}, but it is a percentage; write a value from 0 to 100",
                        new FindingTarget(attribute, property)));
                }
            }

            void Enum(int? value, string? istioName, string attribute, string property, string enumName)
            {
                if (value is int v && istioName is null)
                {
                    findings.Add(Finding(
                        $"{attribute}.{property} of {where} is ({enumName}){v}, which is not a defined {enumName} value; use one of the {enumName} members",
                        new FindingTarget(attribute, property)));
                }
            }

            if (service.Port is int port && (port < 1 || port > 65535))
            {
                findings.Add(Finding($"MeshService.Port of {where} is {port}; a port lies from 1 to 65535", new FindingTarget("MeshService", "Port")));
            }

            if (service.CircuitBreaker is { } cb)
            {
                Count(cb.Consecutive5xxErrors, "CircuitBreaker", "Consecutive5xxErrors");
                Count(cb.ConsecutiveGatewayErrors, "CircuitBreaker", "ConsecutiveGatewayErrors");
                Percent(cb.MaxEjectionPercent, "CircuitBreaker", "MaxEjectionPercent");
                Percent(cb.MinHealthPercent, "CircuitBreaker", "MinHealthPercent");
            }

            if (service.ConnectionPool is { } pool)
            {
                Count(pool.MaxConnections, "ConnectionPool", "MaxConnections");
                Count(pool.Http1MaxPendingRequests, "ConnectionPool", "Http1MaxPendingRequests");
                Count(pool.Http2MaxRequests, "ConnectionPool", "Http2MaxRequests");
                Count(pool.MaxRequestsPerConnection, "ConnectionPool", "MaxRequestsPerConnection");
                Count(pool.MaxRetries, "ConnectionPool", "MaxRetries");
                Enum(pool.H2UpgradePolicy, pool.H2UpgradePolicy is int h ? IstioEnums.H2UpgradePolicy(h) : null, "ConnectionPool", "H2UpgradePolicy", "H2UpgradePolicy");
            }

            if (service.LoadBalancer is { } lb)
            {
                Enum(lb.Simple, IstioEnums.LoadBalancerPolicy(lb.Simple), "LoadBalancer", "Simple", "LoadBalancerPolicy");
            }

            if (service.MutualTls is { } mtls)
            {
                Enum(mtls.Mode, IstioEnums.MutualTlsMode(mtls.Mode), "MutualTls", "Mode", "MutualTlsMode");
            }

            if (service.RetryBudget is { } budget)
            {
                Percent(budget.Percent, "RetryBudget", "Percent");
                Count(budget.MinRetryConcurrency, "RetryBudget", "MinRetryConcurrency");
            }

            foreach (var (endpoint, retry, _) in PolicyRules.RoutePolicies(service))
            {
                Count(retry?.Attempts, "Retry", "Attempts", endpoint);
            }

            return findings;
        }

        private static Finding Finding(string message, FindingTarget target) =>
            new(RuleIds.OutOfRange, FindingSeverity.Error, message, target);
    }
}
