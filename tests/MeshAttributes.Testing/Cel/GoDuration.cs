using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MeshAttributes.Testing.Cel;

/// <summary>
/// Go's <c>time.ParseDuration</c>, which Kubernetes' CEL <c>duration()</c> uses. The Cel package's own
/// parser differs: it trims spaces, reads a leading <c>+</c> as negative and lacks <c>µs</c>.
/// </summary>
internal static class GoDuration
{
    private const ulong MaxMagnitude = 1UL << 63;

    /// <summary>Parses like Go; on failure <paramref name="error"/> holds Go's error text.</summary>
    public static bool TryParse(string text, out long nanoseconds, [NotNullWhen(false)] out string? error)
    {
        nanoseconds = 0;
        error = null;
        var orig = text;
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s.Substring(1);
        }

        // Special case: an unsigned-unit-less "0" is allowed.
        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return Fail($"time: invalid duration {Quote(orig)}", out error);
        }

        ulong total = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || IsDigit(s[0])))
            {
                return Fail($"time: invalid duration {Quote(orig)}", out error);
            }

            var before = s.Length;
            if (!TryLeadingInt(ref s, out var whole))
            {
                return Fail($"time: invalid duration {Quote(orig)}", out error);
            }

            var hasWhole = before != s.Length;
            ulong fraction = 0;
            var scale = 1.0;
            var hasFraction = false;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s.Substring(1);
                before = s.Length;
                LeadingFraction(ref s, out fraction, out scale);
                hasFraction = before != s.Length;
            }

            if (!hasWhole && !hasFraction)
            {
                return Fail($"time: invalid duration {Quote(orig)}", out error);
            }

            var i = 0;
            while (i < s.Length && s[i] != '.' && !IsDigit(s[i]))
            {
                i++;
            }

            if (i == 0)
            {
                return Fail($"time: missing unit in duration {Quote(orig)}", out error);
            }

            var unitName = s.Substring(0, i);
            s = s.Substring(i);
            var unit = Unit(unitName);
            if (unit == 0)
            {
                return Fail($"time: unknown unit {Quote(unitName)} in duration {Quote(orig)}", out error);
            }

            if (whole > MaxMagnitude / unit)
            {
                return Fail($"time: invalid duration {Quote(orig)}", out error);
            }

            whole *= unit;
            if (fraction > 0)
            {
                // float64 is needed to be nanosecond accurate for fractions of hours, as in Go.
                whole += (ulong)(fraction * (unit / scale));
                if (whole > MaxMagnitude)
                {
                    return Fail($"time: invalid duration {Quote(orig)}", out error);
                }
            }

            total += whole;
            if (total > MaxMagnitude)
            {
                return Fail($"time: invalid duration {Quote(orig)}", out error);
            }
        }

        if (negative)
        {
            nanoseconds = total == MaxMagnitude ? long.MinValue : -(long)total;
            return true;
        }

        if (total > MaxMagnitude - 1)
        {
            return Fail($"time: invalid duration {Quote(orig)}", out error);
        }

        nanoseconds = (long)total;
        return true;
    }

    private static bool TryLeadingInt(ref string s, out ulong value)
    {
        value = 0;
        var i = 0;
        for (; i < s.Length && IsDigit(s[i]); i++)
        {
            if (value > MaxMagnitude / 10)
            {
                return false;
            }

            value = value * 10 + (ulong)(s[i] - '0');
            if (value > MaxMagnitude)
            {
                return false;
            }
        }

        s = s.Substring(i);
        return true;
    }

    private static void LeadingFraction(ref string s, out ulong value, out double scale)
    {
        value = 0;
        scale = 1;
        var overflow = false;
        var i = 0;
        for (; i < s.Length && IsDigit(s[i]); i++)
        {
            if (overflow)
            {
                continue;
            }

            if (value > (MaxMagnitude - 1) / 10)
            {
                // Go stops accumulating precision but keeps consuming digits.
                overflow = true;
                continue;
            }

            var next = value * 10 + (ulong)(s[i] - '0');
            if (next > MaxMagnitude)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        s = s.Substring(i);
    }

    private static ulong Unit(string name) => name switch
    {
        "ns" => 1UL,
        "us" or "\u00b5s" or "\u03bcs" => 1_000UL,
        "ms" => 1_000_000UL,
        "s" => 1_000_000_000UL,
        "m" => 60UL * 1_000_000_000UL,
        "h" => 3_600UL * 1_000_000_000UL,
        _ => 0UL,
    };

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool Fail(string message, out string error)
    {
        error = message;
        return false;
    }

    // Go's strconv.Quote for the ASCII texts seen in manifests.
    private static string Quote(string s)
    {
        var builder = new System.Text.StringBuilder("\"");
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when c < ' ' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
