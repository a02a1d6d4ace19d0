using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH104: <c>MaxEjectionPercent = 100</c> lets outlier detection eject every host; with <c>minHealthPercent</c> at its
    /// default 0 (panic mode off) Envoy then answers "503 no healthy upstream" to every request. A MinHealthPercent above 0
    /// re-enables panic routing and silences the rule, as does outlier detection being off.
    /// </summary>
    public static class EjectAllHostsRule
    {
        public static readonly PolicyRule Rule = new(CheckService, null);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            if (service.CircuitBreaker is not { MaxEjectionPercent: 100 } cb || cb.MinHealthPercent > 0
                || ((cb.Consecutive5xxErrors ?? 5) == 0 && (cb.ConsecutiveGatewayErrors ?? 0) == 0))
            {
                return;
            }

            findings.Add(new Finding(
                RuleIds.EjectAllHosts,
                FindingSeverity.Warning,
                $"CircuitBreaker.MaxEjectionPercent = 100 on service '{service.Name}' lets outlier detection eject every host, and with MinHealthPercent unset (0) Envoy then fails every request with \"503 no healthy upstream\" — a partial failure becomes a full outage; write MaxEjectionPercent = 50 (or less), or set MinHealthPercent (e.g. 30) so Envoy keeps routing when too few hosts are healthy",
                new FindingTarget("CircuitBreaker", "MaxEjectionPercent")));
        }
    }
}
