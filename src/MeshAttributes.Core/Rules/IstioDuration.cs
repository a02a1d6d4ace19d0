using System;
using System.Globalization;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// A duration as Istio reads it: Go's <c>time.ParseDuration</c> syntax (<c>10s</c>, <c>250ms</c>,
    /// <c>1h30m</c>, <c>1.5s</c>), then Istio's own checks: a whole number of milliseconds and at least 1ms
    /// (the CRDs' CEL rule <c>duration(self) &gt;= duration('1ms')</c>).
    /// </summary>
    public readonly struct IstioDuration : IEquatable<IstioDuration>
    {
        private const long NanosPerMilli = 1_000_000;

        private IstioDuration(long milliseconds) => TotalMilliseconds = milliseconds;

        public long TotalMilliseconds { get; }

        public static IstioDuration FromMilliseconds(long milliseconds) => new(milliseconds);

        /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and what to write instead.</summary>
        public static bool TryParse(string? text, out IstioDuration duration, out string? error)
        {
            duration = default;
            if (text is null || text.Length == 0)
            {
                error = "an empty string is not a duration; write e.g. \"10s\" or \"250ms\"";
                return false;
            }

            if (!TryParseGo(text, out long nanos, out error))
            {
                string? suggestion = Suggest(text);
                error = suggestion is null
                    ? $"'{text}' is not an Istio duration: {error}; write e.g. \"10s\", \"250ms\" or \"1h30m\""
                    : $"'{text}' is not an Istio duration: {error}; did you mean \"{suggestion}\"?";
                return false;
            }

            if (nanos % NanosPerMilli != 0)
            {
                error = $"'{text}' is not a whole number of milliseconds, which is the finest precision Istio accepts; round it to e.g. \"{Math.Max(1, nanos / NanosPerMilli)}ms\"";
                return false;
            }

            if (nanos < NanosPerMilli)
            {
                error = $"'{text}' is shorter than 1ms, the smallest duration Istio accepts (its CRDs reject it); write at least \"1ms\", or leave the property unset for Istio's default";
                return false;
            }

            duration = new IstioDuration(nanos / NanosPerMilli);
            error = null;
            return true;
        }

        /// <summary>
        /// An unambiguous rewrite of a near-miss (<c>"10 s"</c>, <c>"10sec"</c>, <c>"2 minutes"</c>, <c>"1.5 s"</c>) into a
        /// valid duration, or null when the intent is not clear.
        /// </summary>
        public static string? Suggest(string? text)
        {
            if (text is null)
            {
                return null;
            }

            string compact = text.Replace(" ", string.Empty).Replace("\t", string.Empty).ToLowerInvariant();
            int i = 0;
            while (i < compact.Length && (char.IsDigit(compact[i]) || compact[i] == '.'))
            {
                i++;
            }

            if (i == 0 || i == compact.Length)
            {
                return null;
            }

            if (!decimal.TryParse(compact.Substring(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
            {
                return null;
            }

            decimal millisPerUnit;
            switch (compact.Substring(i))
            {
                case "ms": case "msec": case "msecs": case "millisecond": case "milliseconds": millisPerUnit = 1; break;
                case "s": case "sec": case "secs": case "second": case "seconds": millisPerUnit = 1000; break;
                case "m": case "min": case "mins": case "minute": case "minutes": millisPerUnit = 60_000; break;
                case "h": case "hr": case "hrs": case "hour": case "hours": millisPerUnit = 3_600_000; break;
                default: return null;
            }

            // A suggestion must itself be a duration, at most long.MaxValue nanoseconds; checked before multiplying.
            if (amount > long.MaxValue / NanosPerMilli / millisPerUnit)
            {
                return null;
            }

            decimal millis = amount * millisPerUnit;
            if (millis < 1 || millis != decimal.Truncate(millis))
            {
                return null;
            }

            return Format((long)millis);
        }

        /// <summary>The shortest exact spelling: <c>2h</c>, <c>90s</c>, <c>1500ms</c>.</summary>
        public static string Format(long milliseconds)
        {
            if (milliseconds % 3_600_000 == 0)
            {
                return (milliseconds / 3_600_000).ToString(CultureInfo.InvariantCulture) + "h";
            }

            if (milliseconds % 60_000 == 0)
            {
                return (milliseconds / 60_000).ToString(CultureInfo.InvariantCulture) + "m";
            }

            if (milliseconds % 1000 == 0)
            {
                return (milliseconds / 1000).ToString(CultureInfo.InvariantCulture) + "s";
            }

            return milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        public override string ToString() => Format(TotalMilliseconds);

        public bool Equals(IstioDuration other) => TotalMilliseconds == other.TotalMilliseconds;

        public override bool Equals(object? obj) => obj is IstioDuration other && Equals(other);

        public override int GetHashCode() => TotalMilliseconds.GetHashCode();

        // Nanoseconds per unit for s[start..start+length), as Go's time.ParseDuration spells units; 0 for none of them.
        private static long NanosPerUnit(string s, int start, int length)
        {
            bool Is(string unit) => length == unit.Length && string.CompareOrdinal(s, start, unit, 0, length) == 0;
            return Is("ns") ? 1
                : Is("us") || Is("\u00b5s") || Is("\u03bcs") ? 1_000
                : Is("ms") ? 1_000_000
                : Is("s") ? 1_000_000_000
                : Is("m") ? 60_000_000_000
                : Is("h") ? 3_600_000_000_000
                : 0;
        }

        // Go's time.ParseDuration, restricted to non-negative values (a negative timeout means nothing to Istio).
        private static bool TryParseGo(string s, out long totalNanos, out string? error)
        {
            totalNanos = 0;
            error = null;
            int i = 0;
            if (s[0] == '-' || s[0] == '+')
            {
                error = s[0] == '-' ? "durations cannot be negative" : "drop the '+' sign";
                return false;
            }

            if (s == "0")
            {
                return true;
            }

            decimal total = 0;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                {
                    i++;
                }

                int intEnd = i;
                int fracStart = -1;
                if (i < s.Length && s[i] == '.')
                {
                    i++;
                    fracStart = i;
                    while (i < s.Length && s[i] >= '0' && s[i] <= '9')
                    {
                        i++;
                    }
                }

                bool hasInt = intEnd > start;
                bool hasFrac = fracStart >= 0 && i > fracStart;
                if (!hasInt && !hasFrac)
                {
                    error = i < s.Length && s[i] == ' '
                        ? "it contains a space"
                        : $"expected a number at '{s.Substring(start)}'";
                    return false;
                }

                int unitStart = i;
                while (i < s.Length && s[i] != '.' && (s[i] < '0' || s[i] > '9'))
                {
                    i++;
                }

                long nanosPerUnit = NanosPerUnit(s, unitStart, i - unitStart);
                if (nanosPerUnit == 0)
                {
                    string unit = s.Substring(unitStart, i - unitStart);
                    error = unit.Length == 0 ? "a unit is missing (ns, us, ms, s, m or h)"
                        : unit.IndexOf(' ') >= 0 ? "it contains a space"
                        : $"'{unit.Trim()}' is not a unit (ns, us, ms, s, m or h)";
                    return false;
                }

                decimal value;
                if (!hasFrac && intEnd - start <= 18)
                {
                    // Whole numbers, by far the usual case, without a substring: exactly what decimal.TryParse would give.
                    long whole = 0;
                    for (int d = start; d < intEnd; d++)
                    {
                        whole = (whole * 10) + (s[d] - '0');
                    }

                    value = whole;
                }
                else
                {
                    string number = s.Substring(start, unitStart - start);
                    if (!decimal.TryParse(number.Length > 0 && number[0] == '.' ? "0" + number : number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
                    {
                        error = $"'{number}' is not a number";
                        return false;
                    }
                }

                // Checked before multiplying: "99999999999999999h" is past decimal's range, not only long's.
                if (value > (long.MaxValue - total) / nanosPerUnit)
                {
                    error = "it is too long for a duration";
                    return false;
                }

                total += value * nanosPerUnit;
            }

            // Go truncates fractions of a nanosecond.
            totalNanos = (long)decimal.Truncate(total);
            return true;
        }
    }
}
