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
    /// default conditions, which from Istio 1.24 only fire before the request reaches the app and are not reported; before
    /// 1.24 they retried a 503 from the app, and are reported when <c>MeshIstioVersion</c> is older.
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
            if (retry is not { Attempts: > 0 })
            {
                return;
            }

            string? retryOn = retry.RetryOn;
            List<string> unsafeTokens;
            if (retryOn is not null)
            {
                unsafeTokens = RetryConditions.Split(retryOn)
                    .Where(t => t.Length > 0 && !RetryConditions.SafeForNonIdempotent.Contains(t))
                    .ToList();
            }
            else if (service.TargetIstio < IstioFeatures.DefaultRetryWithout503)
            {
                // Without RetryOn Istio applies its default conditions, which before 1.24 retried a 503 from the app.
                unsafeTokens = new List<string> { "503" };
            }
            else
            {
                return;
            }

            if (unsafeTokens.Count == 0)
            {
                return;
            }

            int attempts = retry.Attempts!.Value;
            IstioRelease target = service.TargetIstio;
            string safe = target >= IstioFeatures.ResetBeforeRequest ? RetryConditions.SafeRetryOn : RetryConditions.SafeRetryOnBeforeResetBeforeRequest;
            string written = retryOn is null
                ? $"[Retry] without RetryOn, which gets Istio {target}'s default conditions (a 503 among them until Istio {IstioFeatures.DefaultRetryWithout503})"
                : $"[Retry(RetryOn = \"{retryOn}\")]";
            string source = inherited ? $"the service's {written}, which covers every endpoint without a route of its own" : written;
            string message =
                $"{method} endpoint {endpoint.DisplayName} ({endpoint.RouteTemplate}) is retried by {source}: '{string.Join(",", unsafeTokens)}' can replay a request the app already processed, " +
                $"so one {method} may run up to {(attempts + 1).ToString(CultureInfo.InvariantCulture)} times (a double charge, a duplicate order); " +
                $"retry it only on \"{safe}\", or mark it [Idempotent] if it deduplicates replays (e.g. honours an Idempotency-Key header)";

            // The one-click rewrite replaces a written RetryOn, or gives an inheriting endpoint a [Retry] of its own; an own
            // [Retry] without RetryOn has no argument to rewrite, so it gets no replacement.
            findings.Add(new Finding(RuleIds.NonIdempotentRetry, FindingSeverity.Warning, message, new FindingTarget("Retry", "RetryOn", index))
                .With(FindingProperties.Replacement, retryOn is null && !inherited ? null : safe)
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
