using System;
using System.Collections.Generic;
using System.Linq;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// The <c>retryOn</c> conditions Istio accepts (pkg/config/validation), which of them are safe on requests
    /// that must not run twice, and the parsing Istio applies: split on ',' without trimming.
    /// </summary>
    public static class RetryConditions
    {
        /// <summary>Named conditions Istio accepts, in Istio's order.</summary>
        public static readonly IReadOnlyList<string> Known = new[]
        {
            "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx",
            "refused-stream", "retriable-status-codes", "retriable-headers", "envoy-ratelimited",
            "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
        };

        /// <summary>Conditions under which the request never reached the application, so replaying it is safe for any method.</summary>
        public static readonly IReadOnlyList<string> SafeForNonIdempotent = new[] { "connect-failure", "refused-stream", "reset-before-request" };

        /// <summary>The safe conditions as one <c>RetryOn</c> value.</summary>
        public const string SafeRetryOn = "connect-failure,refused-stream,reset-before-request";

        /// <summary>The safe conditions Istio releases before 1.23 accept (they reject <c>reset-before-request</c>).</summary>
        public const string SafeRetryOnBeforeResetBeforeRequest = "connect-failure,refused-stream";

        // Go's http.StatusText knows these codes; Istio accepts a numeric token only when StatusText is non-empty.
        private static readonly HashSet<int> StatusCodes = new()
        {
            100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
            400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423,
            424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
        };

        /// <summary>The tokens exactly as Istio splits them.</summary>
        public static string[] Split(string retryOn) => retryOn.Split(',');

        public static bool IsValidToken(string token) => IsValidToken(token, 0, token.Length);

        public static bool IsStatusCode(string token) => int.TryParse(token, out _);

        /// <summary>
        /// Whether every token of <paramref name="retryOn"/>, split as Istio splits it, is valid: <see cref="IsValidToken"/> on
        /// each, without making a string per token (the analyzer checks every endpoint's and the service's RetryOn).
        /// </summary>
        public static bool AreAllValid(string retryOn)
        {
            for (int start = 0; start <= retryOn.Length;)
            {
                int end = retryOn.IndexOf(',', start);
                if (end < 0)
                {
                    end = retryOn.Length;
                }

                if (!IsValidToken(retryOn, start, end - start))
                {
                    return false;
                }

                start = end + 1;
            }

            return true;
        }

        // IsValidToken on retryOn[start..start+length): a known name, or a status code written as int.ToString() writes it.
        private static bool IsValidToken(string retryOn, int start, int length)
        {
            foreach (string known in Known)
            {
                if (known.Length == length && string.CompareOrdinal(retryOn, start, known, 0, length) == 0)
                {
                    return true;
                }
            }

            if (length == 0 || length > 9 || (retryOn[start] == '0' && length > 1))
            {
                return false;
            }

            int code = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = retryOn[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                code = (code * 10) + (c - '0');
            }

            return StatusCodes.Contains(code);
        }

        /// <summary>Whether every token is safe to replay on a non-idempotent request.</summary>
        public static bool IsSafeForNonIdempotent(string retryOn) =>
            Split(retryOn).All(t => SafeForNonIdempotent.Contains(t.Trim()));

        /// <summary>The closest known condition to a mistyped token (case, separators, edit distance), or null.</summary>
        public static string? Closest(string token)
        {
            string normalized = token.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
            if (IsValidToken(normalized))
            {
                return normalized;
            }

            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (string candidate in Known)
            {
                int d = EditDistance(normalized, candidate);
                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                }
            }

            // Farther than a third of the word is a different word, not a typo.
            return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
