using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The Istio <c>uri</c> match for an ASP.NET Core route template, and its place in ASP.NET Core's order.
    /// <para>
    /// The match is a <c>regex</c> (RE2), which Envoy matches against the whole path with the query string removed,
    /// after Istio's default path normalization (percent-encoded unreserved characters decoded, dot segments
    /// resolved). It accepts the paths ASP.NET Core routes to the template: any case (<c>(?i)</c>: Envoy ignores
    /// <c>ignoreUriCase</c> for a regex), one optional trailing slash, a literal's other characters percent-encoded or
    /// not, each parameter one non-empty segment, <c>{id:int}</c> (and <c>long</c>, <c>min</c>, <c>max</c>,
    /// <c>range</c>) an integer with its sign and the white space <c>int.TryParse</c> allows, <c>bool</c>
    /// <c>true</c>/<c>false</c>, <c>alpha</c> ASCII letters, <c>guid</c> a GUID in the formats <c>Guid.TryParse</c>
    /// reads, optional and default-valued parameters absent when every segment after them may be, and a catch-all
    /// (<c>{*rest}</c>, <c>{**rest}</c>) the rest of the path, none included. Where RE2 cannot say what ASP.NET Core
    /// checks — the bounds of a number, the white space around a <c>guid</c> and its rare <c>{0x…}</c> format,
    /// <c>datetime</c>, <c>decimal</c>, <c>double</c>, <c>float</c>, lengths, <c>regex(...)</c>, custom constraints,
    /// and how a complex segment such as <c>{name}.{ext}</c> is split — it matches more, never less.
    /// </para>
    /// </summary>
    public sealed class UriMatch
    {
        private readonly List<Part>[] _segments;

        private UriMatch(string regex, string precedence, List<Part>[] segments)
        {
            Regex = regex;
            Precedence = precedence;
            _segments = segments;
        }

        /// <summary>The RE2 pattern for Istio's <c>uri.regex</c>, <c>(?i)</c> included.</summary>
        public string Regex { get; }

        /// <summary>
        /// ASP.NET Core's inbound route precedence, one digit a segment: 1 a literal, 2 a constrained parameter or a
        /// complex segment, 3 a parameter, 4 a constrained catch-all, 5 a catch-all. Of two templates matching a
        /// path, ASP.NET Core routes it to the one whose digits come first in ordinal order.
        /// </summary>
        public string Precedence { get; }

        /// <summary>Orders routes as ASP.NET Core's precedence does: the one ASP.NET Core prefers first.</summary>
        public static readonly Comparison<UriMatch> Specificity = (a, b) => string.CompareOrdinal(a.Precedence, b.Precedence);

        public static UriMatch FromTemplate(string template)
        {
            string path = NormalizePath(template);
            string[] texts = path.Length == 1 ? Array.Empty<string>() : path.Substring(1).Split('/');
            var segments = new List<Part>[texts.Length];
            var precedence = new StringBuilder(texts.Length);
            for (int i = 0; i < texts.Length; i++)
            {
                segments[i] = ParseSegment(texts[i]);
                precedence.Append(PrecedenceDigit(segments[i]));
            }

            // ASP.NET Core leaves out a segment only together with every segment after it: from here on each may be.
            int omittable = texts.Length;
            while (omittable > 0 && segments[omittable - 1] is { Count: 1 } last && last[0].Parameter is { CanBeAbsent: true })
            {
                omittable--;
            }

            var regex = new StringBuilder("(?i)");
            if (texts.Length == 0)
            {
                regex.Append('/');
            }

            int open = 0;
            bool catchAll = false;
            for (int i = 0; i < texts.Length; i++)
            {
                if (segments[i] is { Count: 1 } single && single[0].Parameter is { CatchAll: true })
                {
                    // The rest of the path, slashes included, or nothing: "/files", "/files/", "/files/a/b".
                    regex.Append("(?:/.*)?");
                    catchAll = true;
                    continue;
                }

                if (i >= omittable)
                {
                    regex.Append("(?:");
                    open++;
                }

                regex.Append('/');
                AppendSegment(regex, segments[i]);
            }

            // ASP.NET Core ignores one trailing slash ("/api/payments/" is "/api/payments"); a catch-all that ends
            // the pattern takes it already.
            bool trailingSlash = texts.Length > 0 && (!catchAll || open > 0);
            for (; open > 0; open--)
            {
                regex.Append(")?");
            }

            if (trailingSlash)
            {
                regex.Append("/?");
            }

            return new UriMatch(regex.ToString(), precedence.ToString(), segments);
        }

        /// <summary>
        /// Whether some path can match both this template and <paramref name="other"/>, as far as the templates say: literals
        /// compared as ASP.NET Core compares them (ignoring case), a parameter meeting a literal its constraint can accept
        /// and another parameter whose constraint can take a common value, optional parameters and catch-alls absent.
        /// Where that cannot be told from the templates alone (a complex segment such as <c>{name}.{ext}</c>, a
        /// constraint RE2 cannot say) the answer is yes.
        /// </summary>
        public bool MayMatchSamePath(UriMatch other) => Overlap(_segments, 0, other._segments, 0);

        private static bool Overlap(List<Part>[] a, int i, List<Part>[] b, int j)
        {
            if (i == a.Length || j == b.Length)
            {
                return CanEndAt(a, i) && CanEndAt(b, j);
            }

            if (a[i] is { Count: 1 } x && x[0].Parameter is { CatchAll: true }
                || b[j] is { Count: 1 } y && y[0].Parameter is { CatchAll: true })
            {
                // A catch-all takes whatever rest of the path the other template needs, or none.
                return true;
            }

            return (SegmentsMeet(a[i], b[j]) && Overlap(a, i + 1, b, j + 1))
                || (CanEndAt(a, i) && CanEndAt(b, j));
        }

        // Whether a path can end before segment i: every segment from i on may be absent.
        private static bool CanEndAt(List<Part>[] segments, int i)
        {
            for (; i < segments.Length; i++)
            {
                if (segments[i] is not { Count: 1 } single || single[0].Parameter is not { CanBeAbsent: true })
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SegmentsMeet(List<Part> a, List<Part> b)
        {
            if (a.Count > 1 || b.Count > 1)
            {
                return true;
            }

            return (a[0].Parameter, b[0].Parameter) switch
            {
                (null, null) => string.Equals(a[0].Literal, b[0].Literal, StringComparison.OrdinalIgnoreCase),
                (null, { } p) => p.Accepts(a[0].Literal!),
                ({ } p, null) => p.Accepts(b[0].Literal!),
                ({ } p, { } q) => p.Meets(q),
            };
        }

        /// <summary>A leading slash, no trailing slash, <c>~/</c> resolved.</summary>
        public static string NormalizePath(string template)
        {
            string t = template.Trim();
            if (t.StartsWith("~/", StringComparison.Ordinal))
            {
                t = t.Substring(1);
            }

            if (!t.StartsWith("/", StringComparison.Ordinal))
            {
                t = "/" + t;
            }

            return t.Length > 1 ? t.TrimEnd('/') : t;
        }

        // As ASP.NET Core's RoutePrecedence.ComputeInbound weighs a segment.
        private static char PrecedenceDigit(List<Part> segment)
        {
            if (segment.Count > 1)
            {
                return '2';
            }

            if (segment[0].Parameter is not { } p)
            {
                return '1';
            }

            int digit = p.CatchAll ? 5 : 3;
            return (char)('0' + (p.Constrained ? digit - 1 : digit));
        }

        private static void AppendSegment(StringBuilder regex, List<Part> segment)
        {
            for (int i = 0; i < segment.Count; i++)
            {
                if (segment[i].Parameter is { } p)
                {
                    regex.Append(p.Pattern);
                }
                else if (i + 1 < segment.Count && segment[i + 1].Parameter is { CanBeAbsent: true } optional)
                {
                    // "{name}.{ext?}": the optional parameter may be absent, together with the literal before it.
                    AppendLiteral(regex.Append("(?:"), segment[i].Literal!);
                    regex.Append(optional.Pattern).Append(")?");
                    i++;
                }
                else
                {
                    AppendLiteral(regex, segment[i].Literal!);
                }
            }
        }

        /// <summary>
        /// A literal as it can reach Envoy: ASCII unreserved characters as themselves (Istio's path normalization
        /// decodes their percent-encoding), any other character as itself or percent-encoded, in each case ASP.NET
        /// Core's case-insensitive comparison equates it with.
        /// </summary>
        private static void AppendLiteral(StringBuilder regex, string literal)
        {
            for (int i = 0; i < literal.Length; i++)
            {
                char c = literal[i];
                if (IsUnreserved(c))
                {
                    if (c == '.')
                    {
                        regex.Append('\\');
                    }

                    regex.Append(c);
                    continue;
                }

                string text = char.IsHighSurrogate(c) && i + 1 < literal.Length ? literal.Substring(i++, 2) : c.ToString();
                Re2.AppendEscaped(regex.Append("(?:"), text);
                foreach (string variant in CaseVariants(text))
                {
                    regex.Append('|');
                    foreach (byte b in Encoding.UTF8.GetBytes(variant))
                    {
                        regex.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
                    }
                }

                regex.Append(')');
            }
        }

        private const string Hex = "0123456789ABCDEF";

        private static bool IsUnreserved(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~';

        // The characters OrdinalIgnoreCase equates with a character other than an ASCII letter (it equates no other
        // character with an ASCII letter): itself, and for a non-ASCII letter its other cases.
        private static IEnumerable<string> CaseVariants(string text) =>
            text.Length != 1 || text[0] < 0x80 ? new[] { text } : CaseVariantsCache.GetOrAdd(text[0], FindCaseVariants);

        private static readonly ConcurrentDictionary<char, string[]> CaseVariantsCache = new ConcurrentDictionary<char, string[]>();

        // Every BMP character compared with c, a block at a time, without a string per character.
        private static string[] FindCaseVariants(char c)
        {
            var variants = new List<string> { c.ToString() };
            string one = c.ToString();
            var block = new char[4096];
            for (int start = 0x80; start <= 0xFFFF; start += block.Length)
            {
                int length = Math.Min(block.Length, 0x10000 - start);
                for (int i = 0; i < length; i++)
                {
                    block[i] = (char)(start + i);
                }

                string candidates = new string(block, 0, length);
                for (int i = 0; i < length; i++)
                {
                    char x = candidates[i];
                    if (x != c && !char.IsSurrogate(x) && string.Compare(candidates, i, one, 0, 1, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        variants.Add(x.ToString());
                    }
                }
            }

            return variants.ToArray();
        }

        private static List<Part> ParseSegment(string segment)
        {
            if (segment.IndexOf('{') < 0 && segment.IndexOf('}') < 0)
            {
                // Most segments are plain text: nothing to parse.
                return new List<Part>(1) { new Part(segment, null) };
            }

            var parts = new List<Part>();
            var literal = new StringBuilder();
            int i = 0;
            while (i < segment.Length)
            {
                char c = segment[i];
                if ((c == '{' || c == '}') && i + 1 < segment.Length && segment[i + 1] == c)
                {
                    // "{{" and "}}" stand for literal braces.
                    literal.Append(c);
                    i += 2;
                }
                else if (c == '{' && ParameterEnd(segment, i) is int end and > 0)
                {
                    if (literal.Length > 0)
                    {
                        parts.Add(new Part(literal.ToString(), null));
                        literal.Clear();
                    }

                    parts.Add(new Part(null, Parameter.Parse(segment.Substring(i + 1, end - i - 1))));
                    i = end + 1;
                }
                else
                {
                    literal.Append(c);
                    i++;
                }
            }

            if (literal.Length > 0 || parts.Count == 0)
            {
                parts.Add(new Part(literal.ToString(), null));
            }

            return parts;
        }

        // The '}' closing the parameter opened at start; "}}" inside a parameter is an escaped brace. -1 if unclosed.
        private static int ParameterEnd(string segment, int start)
        {
            for (int i = start + 1; i < segment.Length; i++)
            {
                if (segment[i] == '}')
                {
                    if (i + 1 < segment.Length && segment[i + 1] == '}')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }

        private readonly struct Part
        {
            public Part(string? literal, Parameter? parameter)
            {
                Literal = literal;
                Parameter = parameter;
            }

            public string? Literal { get; }

            public Parameter? Parameter { get; }
        }

        private sealed class Parameter
        {
            // One non-empty segment: ASP.NET Core never binds an empty segment to a parameter.
            private const string AnySegment = "[^/]+";

            // int.TryParse(NumberStyles.Integer, invariant): white space (tab to carriage return, space) around,
            // trailing NULs, a sign; only the space-like characters arrive percent-encoded, '+' either way.
            private const string Integer = "(?:%(?:0[9A-D]|20))*(?:[-+]|%2B)?[0-9]+(?:%(?:0[09A-D]|20))*";

            // bool.TryParse: "true" or "false" in any case, with white space or NULs around (any encoded bytes here).
            private const string Boolean = "(?:%[0-9A-F]{2})*(?:true|false)(?:%[0-9A-F]{2})*";

            // ASP.NET Core's alpha constraint: ASCII letters (any case, as the whole match is).
            private const string Alpha = "[a-z]+";

            // Guid.TryParse: the D, N, B and P formats exactly but that a brace may meet a parenthesis, X ("{0x...}") by
            // its opening alone, and any encoded bytes around (it trims white space, which arrives encoded).
            private const string AnyGuid =
                "(?:%[0-9A-F]{2})*(?:(?:\\{|%7B|\\(|%28)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\\}|%7D|\\)|%29)?"
                + "|[0-9a-f]{32}|(?:\\{|%7B)0x[^/]*)(?:%[0-9A-F]{2})*";

            public bool CanBeAbsent { get; private set; }

            /// <summary>Whether the parameter can take <paramref name="literal"/>, as far as its pattern tells.</summary>
            public bool Accepts(string literal)
            {
                string value = literal.Trim();
                return Pattern switch
                {
                    Integer => value.Length > 0 && IsInteger(value),
                    Boolean => value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase),
                    Alpha => literal.Length > 0 && literal.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')),
                    AnyGuid => Guid.TryParse(literal, out _),
                    _ => true,
                };
            }

            /// <summary>Whether the two parameters can take one value: their patterns differ only for numbers against words.</summary>
            public bool Meets(Parameter other) =>
                Pattern == AnySegment || other.Pattern == AnySegment || Pattern == other.Pattern
                || (Pattern is Boolean or Alpha && other.Pattern is Boolean or Alpha)
                || (Pattern == AnyGuid && other.Pattern is Integer or Alpha) || (other.Pattern == AnyGuid && Pattern is Integer or Alpha);

            private static bool IsInteger(string value)
            {
                int start = value[0] is '-' or '+' ? 1 : 0;
                return value.Length > start && value.Skip(start).All(c => c >= '0' && c <= '9');
            }

            public bool CatchAll { get; private set; }

            public bool Constrained { get; private set; }

            public string Pattern { get; private set; } = AnySegment;

            /// <summary>
            /// The text between the braces: <c>*</c> or <c>**</c> for a catch-all, the name, <c>:constraint</c>s
            /// (their arguments in parentheses may hold any character), <c>?</c> for optional, <c>=default</c>.
            /// </summary>
            public static Parameter Parse(string body)
            {
                var p = new Parameter();
                if (body.StartsWith("*", StringComparison.Ordinal))
                {
                    p.CatchAll = p.CanBeAbsent = true;
                    body = body.TrimStart('*');
                }

                var pieces = new List<string>();
                int depth = 0, start = 0;
                for (int i = 0; i <= body.Length; i++)
                {
                    char c = i < body.Length ? body[i] : ':';
                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')' && depth > 0)
                    {
                        depth--;
                    }
                    else if (depth == 0 && (c == ':' || c == '='))
                    {
                        pieces.Add(body.Substring(start, i - start));
                        start = i + 1;
                        if (c == '=')
                        {
                            // A default value: the parameter may be absent; what follows is the value.
                            p.CanBeAbsent = true;
                            break;
                        }
                    }
                }

                string last = pieces[pieces.Count - 1];
                if (last.EndsWith("?", StringComparison.Ordinal))
                {
                    p.CanBeAbsent = true;
                    pieces[pieces.Count - 1] = last.Substring(0, last.Length - 1);
                }

                for (int i = 1; i < pieces.Count; i++)
                {
                    p.Constrained = true;
                    string constraint = pieces[i];
                    int paren = constraint.IndexOf('(');
                    // Constraint names are case-insensitive in ASP.NET Core.
                    string? pattern = (paren >= 0 ? constraint.Substring(0, paren) : constraint).ToUpperInvariant() switch
                    {
                        "INT" or "LONG" or "MIN" or "MAX" or "RANGE" => Integer,
                        "BOOL" => Boolean,
                        "ALPHA" => Alpha,
                        "GUID" => AnyGuid,
                        _ => null,
                    };

                    // Every constraint must hold, so any one that RE2 can say is an upper bound; the first is kept.
                    if (pattern is not null && !p.CatchAll && p.Pattern == AnySegment)
                    {
                        p.Pattern = pattern;
                    }
                }

                if (p.CatchAll)
                {
                    p.Pattern = ".*";
                }

                return p;
            }
        }
    }
}
