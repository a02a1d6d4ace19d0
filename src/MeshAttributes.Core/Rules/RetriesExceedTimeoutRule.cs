using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH101: the first try plus <c>Attempts</c> retries of <c>PerTryTimeout</c> each, plus Envoy's back-off (budgeted at its
    /// maximum, see <see cref="RetryTimeline"/>), take longer than the route's <c>Timeout</c>, which bounds all of them:
    /// the later retries are cut short or never run, so the configured attempts are a promise the mesh cannot keep.
    /// </summary>
    public static class RetriesExceedTimeoutRule
    {
        public static readonly PolicyRule Rule = PolicyRule.ForRoutes(Check);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Check(ServiceSpec service, Route route, FindingSink findings)
        {
            if (route.Retries == 0 || !(route.OwnsRetry || route.OwnsTimeout)
                || !IstioDuration.TryParse(route.Retry?.PerTryTimeout, out IstioDuration perTry, out _)
                || !IstioDuration.TryParse(route.Timeout?.Timeout, out IstioDuration timeout, out _))
            {
                return;
            }

            int retries = route.Retries;
            long p = perTry.TotalMilliseconds, t = timeout.TotalMilliseconds;
            long needed = RetryTimeline.Needed(retries, p);
            if (needed <= t)
            {
                return;
            }

            long backOff = RetryTimeline.TotalBackOff(retries);
            string need = $"need up to {RetryTimeline.Describe(needed)} ({RetryTimeline.Describe(needed - backOff)} of tries plus up to {RetryTimeline.Describe(backOff)} of back-off)";
            string retriesText = retries == 1 ? "1 retry" : $"{retries.ToString(CultureInfo.InvariantCulture)} retries";
            string where = PolicyRules.Where(service, route.Spec);

            long raised = RetryTimeline.RoundUpToSecond(needed);
            int fits = RetryTimeline.MostRetriesWithin(t, p, retries);
            string fix = fits >= 1
                ? $"raise Timeout to \"{IstioDuration.Format(raised)}\" or lower Attempts to {fits.ToString(CultureInfo.InvariantCulture)}"
                : $"raise Timeout to \"{IstioDuration.Format(raised)}\" or lower PerTryTimeout";
            string message = $"On {where}, the first try and {retriesText} of {RetryTimeline.Describe(p)} each {need} but Timeout is {RetryTimeline.Describe(t)}: {Consequence(retries, p, t)}; {fix}";

            var target = route.OwnsTimeout && !route.OwnsRetry
                ? new FindingTarget("Timeout", "Timeout", route.Endpoint)
                : new FindingTarget("Retry", "Attempts", route.Endpoint);
            findings.Add(new Finding(RuleIds.RetriesExceedTimeout, FindingSeverity.Warning, message, target)
                .With(FindingProperties.Timeout, IstioDuration.Format(raised))
                .With(FindingProperties.Attempts, fits >= 1 ? fits.ToString(CultureInfo.InvariantCulture) : null));
        }

        /// <summary>What the route timeout does to the tries, walking them with the longest back-off before each retry.</summary>
        internal static string Consequence(int retries, long perTryMs, long timeoutMs)
        {
            if (perTryMs > timeoutMs)
            {
                return $"the first try is cut short after {RetryTimeline.Describe(timeoutMs)} and no retry ever runs";
            }

            // Retry n starts once the tries before it and their back-offs are over: Needed(n) - perTryMs. The first retry
            // that does not fit is found by bisection, as Attempts may be as large as int.MaxValue.
            int first = RetryTimeline.MostRetriesWithin(timeoutMs, perTryMs, retries) + 1;
            if (first <= retries)
            {
                long start = RetryTimeline.Needed(first, perTryMs) - perTryMs;
                if (start >= timeoutMs)
                {
                    return NeverRun(first, retries);
                }

                string cut = $"the {RetryTimeline.Ordinal(first)} retry is cut short after {RetryTimeline.Describe(timeoutMs - start)}";
                return first == retries ? cut : cut + " and " + NeverRun(first + 1, retries, alsoRetry: false);
            }

            return "the last retry may be cut short";
        }

        private static string NeverRun(int from, int to, bool alsoRetry = true)
        {
            string noun = alsoRetry ? " retry" : string.Empty;
            return from == to
                ? $"the {RetryTimeline.Ordinal(from)}{noun} never runs"
                : $"the {RetryTimeline.Ordinal(from)} to {RetryTimeline.Ordinal(to)}{(alsoRetry ? " retries" : string.Empty)} never run";
        }
    }
}
