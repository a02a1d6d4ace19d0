using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH100: a POST or PATCH endpoint (not idempotent, RFC 9110) retried on conditions that can replay a request the
    /// application already processed — anything but <c>connect-failure</c>, <c>refused-stream</c> and
    /// <c>reset-before-request</c>. The service's <c>[Retry]</c> covers every endpoint without a route of its own, so
    /// every endpoint is checked; <c>[Idempotent]</c> silences it. A <c>[Retry]</c> without <c>RetryOn</c> gets Istio's
    /// default conditions, which for HTTP only fire before the request reaches the app, and is not reported.
    /// </summary>
    public static class NonIdempotentRetryRule
    {
        public static readonly PolicyRule Rule = new(null, CheckEndpoint);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckEndpoint(ServiceSpec service, EndpointSpec endpoint, int index, FindingSink findings)
        {
            if (endpoint.Idempotent || NonIdempotentMethod(endpoint) is not string method)
            {
                return;
            }

            bool inherited = endpoint.Retry is null;
            RetrySpec? retry = endpoint.Retry ?? service.Retry;
            if (retry is not { Attempts: > 0, RetryOn: string retryOn })
            {
                return;
            }

            var unsafeTokens = RetryConditions.Split(retryOn)
                .Where(t => t.Length > 0 && !RetryConditions.SafeForNonIdempotent.Contains(t))
                .ToList();
            if (unsafeTokens.Count == 0)
            {
                return;
            }

            int attempts = retry.Attempts!.Value;
            string safe = service.TargetIstio >= IstioFeatures.ResetBeforeRequest ? RetryConditions.SafeRetryOn : RetryConditions.SafeRetryOnBeforeResetBeforeRequest;
            string source = inherited ? $"the service's [Retry(RetryOn = \"{retryOn}\")], which covers every endpoint without a route of its own" : $"[Retry(RetryOn = \"{retryOn}\")]";
            string message =
                $"{method} endpoint {endpoint.DisplayName} ({endpoint.RouteTemplate}) is retried by {source}: '{string.Join(",", unsafeTokens)}' can replay a request the app already processed, " +
                $"so one {method} may run up to {(attempts + 1).ToString(CultureInfo.InvariantCulture)} times (a double charge, a duplicate order); " +
                $"retry it only on \"{safe}\", or mark it [Idempotent] if it deduplicates replays (e.g. honours an Idempotency-Key header)";
            findings.Add(new Finding(RuleIds.NonIdempotentRetry, FindingSeverity.Warning, message, new FindingTarget("Retry", "RetryOn", index))
                .With(FindingProperties.Replacement, safe)
                .With(FindingProperties.Attempts, attempts.ToString(CultureInfo.InvariantCulture))
                .With(FindingProperties.PerTryTimeout, retry.PerTryTimeout)
                .With(FindingProperties.Inherited, inherited ? "true" : "false"));
        }

        private static string? NonIdempotentMethod(EndpointSpec endpoint)
        {
            foreach (string method in endpoint.Methods)
            {
                if (method is "POST" or "PATCH")
                {
                    return method;
                }
            }

            return null;
        }
    }
}
