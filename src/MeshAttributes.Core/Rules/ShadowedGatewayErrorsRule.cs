using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH105: gateway errors (502, 503, 504) are also 5xx errors, so a <c>ConsecutiveGatewayErrors</c> threshold at or
    /// above <c>Consecutive5xxErrors</c> (5 when unset) never trips first: the setting has no effect, and the faster
    /// ejection on connection-level failures it was meant to give never happens.
    /// </summary>
    public static class ShadowedGatewayErrorsRule
    {
        public static readonly PolicyRule Rule = new(CheckService, null);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            if (service.CircuitBreaker is not { ConsecutiveGatewayErrors: int gateway } cb || gateway <= 0)
            {
                return;
            }

            int fiveXx = cb.Consecutive5xxErrors ?? 5;
            if (fiveXx <= 0 || gateway < fiveXx)
            {
                return;
            }

            string fiveXxText = cb.Consecutive5xxErrors is null ? "5 (Istio's default when Consecutive5xxErrors is unset)" : fiveXx.ToString(CultureInfo.InvariantCulture);
            string suggestion = fiveXx > 1 ? $"set ConsecutiveGatewayErrors below {fiveXx.ToString(CultureInfo.InvariantCulture)} (e.g. {(fiveXx - 1).ToString(CultureInfo.InvariantCulture)})" : "remove ConsecutiveGatewayErrors";
            findings.Add(new Finding(
                RuleIds.ShadowedGatewayErrors,
                FindingSeverity.Warning,
                $"CircuitBreaker.ConsecutiveGatewayErrors = {gateway.ToString(CultureInfo.InvariantCulture)} on service '{service.Name}' has no effect: gateway errors (502, 503, 504) also count as 5xx, and Consecutive5xxErrors is {fiveXxText}, so the 5xx threshold always ejects the host first; {suggestion} so gateway failures eject sooner, or remove it",
                new FindingTarget("CircuitBreaker", "ConsecutiveGatewayErrors")));
        }
    }
}
