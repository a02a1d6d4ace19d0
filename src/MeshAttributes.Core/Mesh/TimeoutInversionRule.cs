using System.Collections.Generic;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// MESH201: a caller's timeout is shorter than the worst case of the retries it waits on. The callee's mesh retries run
    /// in the caller's sidecar (<c>(attempts + 1) × perTryTimeout</c> plus back-off, as <see cref="RetryTimeline"/> budgets it,
    /// cut at the callee's route timeout), times the caller's in-app tries. When the caller's own timeout is shorter, its
    /// callers get a 504 while the retries go on loading the callee for a request nobody waits for any more.
    /// Left out when a duration is missing or invalid: nothing is guessed.
    /// </summary>
    public static class TimeoutInversionRule
    {
        public static IEnumerable<MeshFinding> Check(MeshGraph graph)
        {
            var seen = new HashSet<(int, int)>();
            for (int caller = 0; caller < graph.Services.Count; caller++)
            {
                MeshService service = graph.Services[caller];
                if (Milliseconds(service.Spec.Timeout?.Timeout) is not long callerTimeout)
                {
                    continue;
                }

                foreach (MeshEdge edge in graph.Calls(caller))
                {
                    if (!seen.Add((caller, edge.Callee)) || (edge.MeshTries <= 1 && edge.AppTries <= 1))
                    {
                        continue;
                    }

                    ServiceSpec callee = graph.Services[edge.Callee].Spec;
                    if (WorstCase(callee) is not (long single, string how))
                    {
                        continue;
                    }

                    long worst = single * edge.AppTries;
                    if (callerTimeout >= worst)
                    {
                        continue;
                    }

                    string appLayer = edge.AppTries > 1 ? $", times {MeshText.Number(edge.AppTries)} in-app tries in '{service.Spec.Name}'" : string.Empty;
                    string message =
                        $"'{service.Spec.Name}' times out after {RetryTimeline.Describe(callerTimeout)}, but a call it makes to '{callee.Name}' can take up to {RetryTimeline.Describe(worst)} " +
                        $"while it is retried ({how}{appLayer}): callers of '{service.Spec.Name}' get a 504 while the retries go on loading '{callee.Name}' for a request nobody waits for; " +
                        $"give '{service.Spec.Name}' a timeout of at least {RetryTimeline.Describe(worst)}, or make '{callee.Name}''s retries fit in {RetryTimeline.Describe(callerTimeout)} (fewer attempts, a shorter perTryTimeout or timeout)";
                    var finding = new Finding(MeshRuleIds.TimeoutInversion, FindingSeverity.Warning, message, new FindingTarget("Timeout", "Timeout"));
                    yield return new MeshFinding(finding, service.Key, service.Locations.Find(finding.Target), new[] { service.Spec.Name, callee.Name });
                }
            }
        }

        /// <summary>The longest one call to <paramref name="callee"/> can take in the caller's sidecar, over its routes, and how.</summary>
        internal static (long Milliseconds, string How)? WorstCase(ServiceSpec callee)
        {
            (long, string)? worst = null;
            foreach (Route route in Route.Of(callee))
            {
                long? timeout = Milliseconds(route.Timeout?.Timeout);
                long? perTry = Milliseconds(route.Retry?.PerTryTimeout) ?? timeout;
                if (route.Retries == 0)
                {
                    if (timeout is long t && (worst is null || t > worst.Value.Item1))
                    {
                        worst = (t, $"no mesh retries, its timeout {RetryTimeline.Describe(t)}");
                    }

                    continue;
                }

                if (perTry is not long p)
                {
                    continue;
                }

                long needed = RetryTimeline.Needed(route.Retries, p);
                long ms = timeout is long cut && cut < needed ? cut : needed;
                string how = $"{route.Retries + 1} tries × {RetryTimeline.Describe(p)} per try plus back-off" + (ms < needed ? $", cut at its {RetryTimeline.Describe(ms)} timeout" : string.Empty);
                if (worst is null || ms > worst.Value.Item1)
                {
                    worst = (ms, how);
                }
            }

            return worst;
        }

        private static long? Milliseconds(string? duration) =>
            duration is not null && IstioDuration.TryParse(duration, out IstioDuration d, out _) ? d.TotalMilliseconds : null;
    }
}
