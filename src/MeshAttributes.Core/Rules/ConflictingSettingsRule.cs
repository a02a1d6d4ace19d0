using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH006: settings that cannot mean anything together. Istio turns a route's retry policy off when
    /// <c>attempts</c> is 0 (pilot's retry conversion returns no policy), so <c>PerTryTimeout</c> or
    /// <c>RetryOn</c> beside <c>Attempts = 0</c> — or beside no <c>Attempts</c>, which Istio reads as 0 —
    /// is silently ignored.
    /// </summary>
    public static class ConflictingSettingsRule
    {
        public static readonly PolicyRule Rule = new(
            static (service, findings) => Check(service, null, service.Retry, null, findings),
            static (service, endpoint, index, findings) => Check(service, endpoint, endpoint.Retry, index, findings));

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Check(ServiceSpec service, EndpointSpec? endpoint, RetrySpec? retry, int? index, FindingSink findings)
        {
            if (retry is null || (retry.Attempts ?? 0) != 0 || (retry.PerTryTimeout is null && retry.RetryOn is null))
            {
                return;
            }

            string others = retry.PerTryTimeout is not null && retry.RetryOn is not null
                ? "PerTryTimeout and RetryOn"
                : retry.PerTryTimeout is not null ? "PerTryTimeout" : "RetryOn";
            string attempts = retry.Attempts is null ? "no Attempts (Istio reads it as 0)" : "Attempts = 0";
            findings.Add(new Finding(
                RuleIds.ConflictingSettings,
                FindingSeverity.Error,
                $"[Retry] of {PolicyRules.Where(service, endpoint)} sets {others} with {attempts}, which turns retries off, so {others} would be ignored; set Attempts to the number of retries you want, or write [Retry(Attempts = 0)] alone to disable retries",
                new FindingTarget("Retry", retry.Attempts is null ? null : "Attempts", index)));
        }
    }
}
