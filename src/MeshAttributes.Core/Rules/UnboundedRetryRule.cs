using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH102: a route that retries without a <c>Timeout</c> (Istio's route timeout is off by default, so a caller can wait
    /// for every try) or without a <c>PerTryTimeout</c> (each try then gets the whole route timeout, so a try that times out
    /// leaves no time for a retry: slow failures, the common kind in an incident, are never retried).
    /// </summary>
    public static class UnboundedRetryRule
    {
        public static readonly PolicyRule Rule = PolicyRule.ForRoutes(Check);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Check(ServiceSpec service, Route route, FindingSink findings)
        {
            if (route.Retries == 0 || !route.OwnsRetry || (route.Timeout is not null && route.Retry!.PerTryTimeout is not null))
            {
                return;
            }

            int retries = route.Retries;
            string where = PolicyRules.Where(service, route.Spec);
            var target = new FindingTarget("Retry", "Attempts", route.Endpoint);
            bool hasPerTry = IstioDuration.TryParse(route.Retry!.PerTryTimeout, out IstioDuration perTry, out _);
            bool hasTimeout = IstioDuration.TryParse(route.Timeout?.Timeout, out IstioDuration timeout, out _);
            if (route.Timeout is null)
            {
                string suggested = hasPerTry
                    ? IstioDuration.Format(RetryTimeline.RoundUpToSecond(RetryTimeline.Needed(retries, perTry.TotalMilliseconds)))
                    : "10s";
                string wait = hasPerTry
                    ? $"up to {RetryTimeline.Describe(RetryTimeline.Needed(retries, perTry.TotalMilliseconds))} for the first try and {retries.ToString(CultureInfo.InvariantCulture)} retries"
                    : "with no bound at all";
                findings.Add(new Finding(
                    RuleIds.UnboundedRetry,
                    FindingSeverity.Warning,
                    $"[Retry] of {where} retries {retries.ToString(CultureInfo.InvariantCulture)} times but no Timeout applies to the route, and Istio's route timeout is off by default: a caller waits {wait} while its own threads and connections pile up; add [Timeout(\"{suggested}\")]",
                    target).With(FindingProperties.Timeout, suggested));
            }

            if (route.Retry!.PerTryTimeout is null)
            {
                string suggested = hasTimeout
                    ? IstioDuration.Format(System.Math.Max(1, (timeout.TotalMilliseconds - RetryTimeline.TotalBackOff(retries)) / (retries + 1L)))
                    : "2s";
                findings.Add(new Finding(
                    RuleIds.UnboundedRetry,
                    FindingSeverity.Warning,
                    $"[Retry] of {where} sets no PerTryTimeout, so each try may use the whole route timeout (Istio's default) and a try that times out leaves no time to retry: slow failures are never retried; add PerTryTimeout = \"{suggested}\"",
                    target).With(FindingProperties.PerTryTimeout, suggested));
            }
        }
    }
}
