using System;
using System.Globalization;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// How long a route's tries take in the worst case. Envoy waits between tries with jittered exponential back-off: before
    /// retry n it sleeps a random time below <c>(2^n - 1) × 25ms</c>, capped at 250ms (base interval 25ms, max 10× base).
    /// MeshAttributes budgets the maximum of that range, not its mean, so a route that passes can never be cut short
    /// by unlucky jitter; the docs (MESH101) say the same.
    /// </summary>
    public static class RetryTimeline
    {
        public const long BaseBackOffMs = 25;
        public const long MaxBackOffMs = 250;

        /// <summary>The longest back-off Envoy waits before retry <paramref name="retry"/> (1-based).</summary>
        public static long MaxBackOff(int retry) =>
            retry >= 4 ? MaxBackOffMs : Math.Min(((1L << retry) - 1) * BaseBackOffMs, MaxBackOffMs);

        /// <summary>The back-off before all of the first <paramref name="retries"/> retries, at most.</summary>
        public static long TotalBackOff(int retries)
        {
            long total = 0;
            for (int n = 1; n <= retries; n++)
            {
                total += MaxBackOff(n);
            }

            return total;
        }

        /// <summary>Time the first try and <paramref name="retries"/> retries need at most, back-off included.</summary>
        public static long Needed(int retries, long perTryMs) => ((retries + 1) * perTryMs) + TotalBackOff(retries);

        /// <summary>The most retries that fit in <paramref name="timeoutMs"/>, or -1 when not even the first try does.</summary>
        public static int MostRetriesWithin(long timeoutMs, long perTryMs, int atMost)
        {
            int best = -1;
            for (int a = 0; a <= atMost && Needed(a, perTryMs) <= timeoutMs; a++)
            {
                best = a;
            }

            return best;
        }

        /// <summary>A duration for people: <c>10s</c>, <c>275ms</c>, <c>16.275s</c>.</summary>
        public static string Describe(long ms)
        {
            if (ms < 1000 || ms % 1000 == 0)
            {
                return IstioDuration.Format(ms);
            }

            return (ms / 1000m).ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        /// <summary>"first", "second", … for retries; "retry 11" beyond ten.</summary>
        public static string Ordinal(int n) => n switch
        {
            1 => "first",
            2 => "second",
            3 => "third",
            4 => "fourth",
            5 => "fifth",
            6 => "sixth",
            7 => "seventh",
            8 => "eighth",
            9 => "ninth",
            10 => "tenth",
            _ => "#" + n.ToString(CultureInfo.InvariantCulture),
        };
    }
}
