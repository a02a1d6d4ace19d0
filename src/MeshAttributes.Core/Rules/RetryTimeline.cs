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
            // 25ms, 75ms and 175ms before the first three retries, then the 250ms cap before each later one: in closed form,
            // because Attempts may be as large as int.MaxValue.
            long total = 0;
            for (int n = 1; n <= Math.Min(retries, 3); n++)
            {
                total += MaxBackOff(n);
            }

            return retries > 3 ? total + ((retries - 3L) * MaxBackOffMs) : total;
        }

        /// <summary>
        /// Time the first try and <paramref name="retries"/> retries need at most, back-off included; long.MaxValue when that
        /// is past what a duration can say.
        /// </summary>
        public static long Needed(int retries, long perTryMs)
        {
            long tries = perTryMs != 0 && retries + 1L > long.MaxValue / perTryMs ? long.MaxValue : (retries + 1L) * perTryMs;
            long backOff = TotalBackOff(retries);
            return tries > long.MaxValue - backOff ? long.MaxValue : tries + backOff;
        }

        /// <summary>The most retries that fit in <paramref name="timeoutMs"/>, or -1 when not even the first try does.</summary>
        public static int MostRetriesWithin(long timeoutMs, long perTryMs, int atMost)
        {
            if (atMost < 0 || Needed(0, perTryMs) > timeoutMs)
            {
                return -1;
            }

            // Needed grows with every retry: bisect rather than count up to atMost, which may be int.MaxValue.
            int low = 0, high = atMost;
            while (low < high)
            {
                int mid = low + (int)((high - (long)low + 1) / 2);
                if (Needed(mid, perTryMs) <= timeoutMs)
                {
                    low = mid;
                }
                else
                {
                    high = mid - 1;
                }
            }

            return low;
        }

        /// <summary>
        /// <paramref name="ms"/> rounded up to a whole second, for a suggested Timeout; at most the longest duration Go (and so
        /// Istio) can hold, so a suggestion is always a duration.
        /// </summary>
        public static long RoundUpToSecond(long ms)
        {
            const long longest = long.MaxValue / 1_000_000 / 1000 * 1000;
            return ms > longest ? longest : ((ms + 999) / 1000) * 1000;
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
