using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH003: counts are not negative, percentages lie in 0–100, ports in 1–65535, enum values are defined.</summary>
    public static class RangeRule
    {
        public static readonly PolicyRule Rule = new(
            static (service, findings) =>
            {
                if (service.Port is int port && (port < 1 || port > 65535))
                {
                    findings.Add(Finding($"MeshService.Port of service '{service.Name}' is {port.ToString(CultureInfo.InvariantCulture)}; a port lies from 1 to 65535", new FindingTarget("MeshService", "Port")));
                }

                if (service.CircuitBreaker is { } cb)
                {
                    Count(service, null, cb.Consecutive5xxErrors, "CircuitBreaker", "Consecutive5xxErrors", null, findings);
                    Count(service, null, cb.ConsecutiveGatewayErrors, "CircuitBreaker", "ConsecutiveGatewayErrors", null, findings);
                    Percent(service, cb.MaxEjectionPercent, "CircuitBreaker", "MaxEjectionPercent", findings);
                    Percent(service, cb.MinHealthPercent, "CircuitBreaker", "MinHealthPercent", findings);
                }

                if (service.ConnectionPool is { } pool)
                {
                    Count(service, null, pool.MaxConnections, "ConnectionPool", "MaxConnections", null, findings);
                    Count(service, null, pool.Http1MaxPendingRequests, "ConnectionPool", "Http1MaxPendingRequests", null, findings);
                    Count(service, null, pool.Http2MaxRequests, "ConnectionPool", "Http2MaxRequests", null, findings);
                    Count(service, null, pool.MaxRequestsPerConnection, "ConnectionPool", "MaxRequestsPerConnection", null, findings);
                    Count(service, null, pool.MaxRetries, "ConnectionPool", "MaxRetries", null, findings);
                    Enum(service, pool.H2UpgradePolicy, pool.H2UpgradePolicy is int h ? IstioEnums.H2UpgradePolicy(h) : null, "ConnectionPool", "H2UpgradePolicy", "H2UpgradePolicy", findings);
                }

                if (service.LoadBalancer is { } lb)
                {
                    Enum(service, lb.Simple, IstioEnums.LoadBalancerPolicy(lb.Simple), "LoadBalancer", "Simple", "LoadBalancerPolicy", findings);
                }

                if (service.MutualTls is { } mtls)
                {
                    Enum(service, mtls.Mode, IstioEnums.MutualTlsMode(mtls.Mode), "MutualTls", "Mode", "MutualTlsMode", findings);
                }

                if (service.OutboundTrafficPolicy is { } outbound)
                {
                    Enum(service, outbound.Mode, IstioEnums.OutboundTrafficPolicyMode(outbound.Mode), "OutboundTrafficPolicy", "Mode", "OutboundTrafficPolicyMode", findings);
                }

                if (service.RetryBudget is { } budget)
                {
                    Percent(service, budget.Percent, "RetryBudget", "Percent", findings);
                    Count(service, null, budget.MinRetryConcurrency, "RetryBudget", "MinRetryConcurrency", null, findings);
                }

                Count(service, null, service.Retry?.Attempts, "Retry", "Attempts", null, findings);
            },
            static (service, endpoint, index, findings) => Count(service, endpoint, endpoint.Retry?.Attempts, "Retry", "Attempts", index, findings));

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Count(ServiceSpec service, EndpointSpec? endpoint, int? value, string attribute, string property, int? index, FindingSink findings)
        {
            if (value < 0)
            {
                findings.Add(Finding(
                    $"{attribute}.{property} of {PolicyRules.Where(service, endpoint)} is {value?.ToString(CultureInfo.InvariantCulture)}, but it counts something and cannot be negative; write 0 or more, or leave it unset for Istio's default",
                    new FindingTarget(attribute, property, index)));
            }
        }

        private static void Percent(ServiceSpec service, double? value, string attribute, string property, FindingSink findings)
        {
            if (value is double v && !(v >= 0 && v <= 100))
            {
                findings.Add(Finding(
                    $"{attribute}.{property} of service '{service.Name}' is {v.ToString("R", CultureInfo.InvariantCulture)}, but it is a percentage; write a value from 0 to 100",
                    new FindingTarget(attribute, property)));
            }
        }

        private static void Enum(ServiceSpec service, int? value, string? istioName, string attribute, string property, string enumName, FindingSink findings)
        {
            if (value is int v && istioName is null)
            {
                findings.Add(Finding(
                    $"{attribute}.{property} of service '{service.Name}' is ({enumName}){v.ToString(CultureInfo.InvariantCulture)}, which is not a defined {enumName} value; use one of the {enumName} members",
                    new FindingTarget(attribute, property)));
            }
        }

        private static Finding Finding(string message, FindingTarget target) =>
            new(RuleIds.OutOfRange, FindingSeverity.Error, message, target);
    }
}
