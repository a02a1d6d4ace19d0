using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MeshAttributes.Testing
{
    /// <summary>Prometheus durations (<c>for: 1m</c>, <c>eval_time: 12m30s</c>): units ms, s, m, h, d, w, y, largest first.</summary>
    internal static class PrometheusDuration
    {
        private static readonly Regex Syntax = new(@"^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$");

        private static readonly TimeSpan[] Units =
        {
            TimeSpan.FromDays(365), TimeSpan.FromDays(7), TimeSpan.FromDays(1), TimeSpan.FromHours(1),
            TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1),
        };

        public static TimeSpan Parse(string text)
        {
            Match match = Syntax.Match(text);
            if (!match.Success || text.Length == 0)
            {
                throw new FormatException($"'{text}' is not a Prometheus duration");
            }

            TimeSpan total = TimeSpan.Zero;
            for (int i = 0; i < Units.Length; i++)
            {
                if (match.Groups[i + 1].Success)
                {
                    total += Units[i] * long.Parse(match.Groups[i + 1].Value, CultureInfo.InvariantCulture);
                }
            }

            return total;
        }

        /// <summary>Hours, minutes, seconds and milliseconds, e.g. <c>12m30s</c>; <c>0s</c> for zero.</summary>
        public static string Format(TimeSpan duration)
        {
            if (duration < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(duration), duration, "Prometheus durations are not negative");
            }

            if (duration == TimeSpan.Zero)
            {
                return "0s";
            }

            var text = new StringBuilder();
            Append(text, (long)duration.TotalHours, "h");
            Append(text, duration.Minutes, "m");
            Append(text, duration.Seconds, "s");
            Append(text, duration.Milliseconds, "ms");
            return text.ToString();
        }

        private static void Append(StringBuilder text, long value, string unit)
        {
            if (value != 0)
            {
                text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
            }
        }
    }
}
