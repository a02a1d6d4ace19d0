using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH103: retries with nothing capping them across requests. Without <c>connectionPool.http.maxRetries</c> Istio sets
    /// Envoy's <c>max_retries</c> circuit breaker to 2^32-1, and without a <c>retryBudget</c> nothing else limits them, so
    /// when the service degrades every in-flight request multiplies into retries (a retry storm).
    /// </summary>
    public static class UncappedRetriesRule
    {
        public static readonly PolicyRule Rule = PolicyRule.ForRoutes(Check);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Check(ServiceSpec service, Route route, FindingSink findings)
        {
            if (service.ConnectionPool?.MaxRetries > 0 || service.RetryBudget is not null || route.Retries == 0 || !route.OwnsRetry)
            {
                return;
            }

            string attempts = route.Retries.ToString(CultureInfo.InvariantCulture);
            findings.Add(new Finding(
                RuleIds.UncappedRetries,
                FindingSeverity.Warning,
                $"[Retry(Attempts = {attempts})] of {PolicyRules.Where(service, route.Spec)} is not capped across requests: without ConnectionPool.MaxRetries Istio sets Envoy's max_retries to 2^32-1, so when '{service.Name}' degrades every request turns into {route.Retries + 1} and the retries keep it down; add [ConnectionPool(MaxRetries = ...)] (e.g. a few percent of the concurrent requests){(service.TargetIstio >= IstioFeatures.RetryBudget ? " or [RetryBudget(Percent = 20)]" : string.Empty)}",
                new FindingTarget("Retry", "Attempts", route.Endpoint)));
        }
    }
}
