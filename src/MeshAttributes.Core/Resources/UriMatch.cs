using System;
using System.Collections.Generic;
using System.Text;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The Istio <c>uri</c> match for an ASP.NET Core route template: <c>exact</c> for a literal path, otherwise a
    /// <c>regex</c> (RE2, matched against the whole path by Envoy) in which each parameter matches one segment
    /// (<c>{id}</c>, <c>{id:int}</c>), an optional one may be absent (<c>{id?}</c>) and a catch-all
    /// (<c>{*rest}</c>) matches the remainder. Also the ordering key that lists more specific routes first.
    /// </summary>
    public sealed class UriMatch
    {
        private UriMatch(string kind, string value, int literalSegments, int segments, bool catchAll)
        {
            Kind = kind;
            Value = value;
            LiteralSegments = literalSegments;
            Segments = segments;
            HasCatchAll = catchAll;
        }

        /// <summary><c>exact</c> or <c>regex</c>.</summary>
        public string Kind { get; }

        public string Value { get; }

        public int LiteralSegments { get; }

        public int Segments { get; }

        public bool HasCatchAll { get; }

        /// <summary>Orders routes most specific first: exact paths, then more literal segments, more segments, no catch-all.</summary>
        public static readonly Comparison<UriMatch> Specificity = (a, b) =>
        {
            int c = (a.Kind == "exact" ? 0 : 1).CompareTo(b.Kind == "exact" ? 0 : 1);
            if (c == 0) c = a.HasCatchAll.CompareTo(b.HasCatchAll);
            if (c == 0) c = b.LiteralSegments.CompareTo(a.LiteralSegments);
            if (c == 0) c = b.Segments.CompareTo(a.Segments);
            return c;
        };

        public static UriMatch FromTemplate(string template)
        {
            string path = NormalizePath(template);
            if (path.IndexOf('{') < 0 && path.IndexOf('}') < 0)
            {
                // No parameter and no escaped brace: the path itself, matched exactly.
                int count = path.Length == 1 ? 0 : Count(path, '/');
                return new UriMatch("exact", path, count, count, false);
            }

            string[] segments = path.Substring(1).Split('/');
            var regex = new StringBuilder();
            int literal = 0;
            bool anyParameter = false, catchAll = false;
            foreach (string segment in segments)
            {
                if (segment.IndexOf('{') < 0 && segment.IndexOf('}') < 0)
                {
                    // Most segments are plain text: nothing to parse.
                    literal++;
                    Re2.AppendEscaped(regex.Append('/'), segment);
                    continue;
                }

                if (IsPlainParameter(segment))
                {
                    // "{id}": any one segment.
                    anyParameter = true;
                    regex.Append('/').Append(AnySegment);
                    continue;
                }

                var parts = ParseSegment(segment);
                if (parts.TrueForAll(p => p.Parameter is null))
                {
                    // "{{" and "}}" stand for literal braces.
                    literal++;
                    Re2.AppendEscaped(regex.Append('/'), string.Concat(parts.ConvertAll(p => p.Literal)));
                    continue;
                }

                anyParameter = true;
                if (parts.Count == 1 && parts[0].Parameter is { } only && (only.Optional || only.CatchAll))
                {
                    // An optional or catch-all segment may be absent, slash included.
                    catchAll |= only.CatchAll;
                    regex.Append(only.CatchAll ? "(/.*)?" : "(/" + only.Pattern + ")?");
                    continue;
                }

                regex.Append('/');
                foreach (var part in parts)
                {
                    if (part.Parameter is { } p)
                    {
                        regex.Append(p.Pattern);
                    }
                    else
                    {
                        Re2.AppendEscaped(regex, part.Literal!);
                    }

                    catchAll |= part.Parameter?.CatchAll ?? false;
                }
            }

            string value = regex.ToString();
            return anyParameter
                ? new UriMatch("regex", value.Length == 0 ? "/" : value, literal, segments.Length, catchAll)
                : new UriMatch("exact", ExactPath(segments), literal, segments.Length, false);
        }

        private const string AnySegment = "[^/]+";

        private static int Count(string s, char c)
        {
            int count = 0;
            foreach (char x in s)
            {
                count += x == c ? 1 : 0;
            }

            return count;
        }

        // A segment that is one parameter with no constraint, default, optional mark or catch-all: "{id}".
        private static bool IsPlainParameter(string segment)
        {
            if (segment.Length < 3 || segment[0] != '{' || segment[segment.Length - 1] != '}')
            {
                return false;
            }

            for (int i = 1; i < segment.Length - 1; i++)
            {
                if (segment[i] is '{' or '}' or ':' or '?' or '=' or '*')
                {
                    return false;
                }
            }

            return true;
        }

        // The literal path of segments that hold only text and escaped braces.
        private static string ExactPath(string[] segments)
        {
            var exact = new StringBuilder();
            foreach (string segment in segments)
            {
                exact.Append('/');
                foreach (var part in ParseSegment(segment))
                {
                    exact.Append(part.Literal);
                }
            }

            return exact.Length == 0 ? "/" : exact.ToString();
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

        private static List<(string? Literal, Parameter? Parameter)> ParseSegment(string segment)
        {
            var parts = new List<(string?, Parameter?)>();
            int i = 0;
            var literal = new StringBuilder();
            while (i < segment.Length)
            {
                char c = segment[i];
                if (c == '{' && i + 1 < segment.Length && segment[i + 1] == '{')
                {
                    literal.Append('{');
                    i += 2;
                }
                else if (c == '}' && i + 1 < segment.Length && segment[i + 1] == '}')
                {
                    literal.Append('}');
                    i += 2;
                }
                else if (c == '{')
                {
                    int end = segment.IndexOf('}', i);
                    if (end < 0)
                    {
                        literal.Append(segment.Substring(i));
                        break;
                    }

                    if (literal.Length > 0)
                    {
                        parts.Add((literal.ToString(), null));
                        literal.Clear();
                    }

                    parts.Add((null, Parameter.Parse(segment.Substring(i + 1, end - i - 1))));
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
                parts.Add((literal.ToString(), null));
            }

            return parts;
        }


        private sealed class Parameter
        {
            public bool Optional { get; private set; }

            public bool CatchAll { get; private set; }

            public string Pattern { get; private set; } = AnySegment;

            public static Parameter Parse(string body)
            {
                var p = new Parameter();
                if (body.StartsWith("*", StringComparison.Ordinal))
                {
                    p.CatchAll = true;
                    p.Pattern = ".*";
                    return p;
                }

                int eq = body.IndexOf('=');
                if (eq >= 0)
                {
                    p.Optional = true;
                    body = body.Substring(0, eq);
                }

                if (body.EndsWith("?", StringComparison.Ordinal))
                {
                    p.Optional = true;
                    body = body.Substring(0, body.Length - 1);
                }

                int colon = body.IndexOf(':');
                if (colon >= 0)
                {
                    // The first constraint narrows the segment where RE2 can say exactly what ASP.NET accepts;
                    // otherwise any segment matches (wider, never narrower, than the app).
                    string constraint = body.Substring(colon + 1).Split(':')[0];
                    int paren = constraint.IndexOf('(');
                    switch (paren >= 0 ? constraint.Substring(0, paren) : constraint)
                    {
                        case "int": case "long": p.Pattern = "[-+]?[0-9]+"; break;
                        case "bool": p.Pattern = "(?i:true|false)"; break;
                        case "alpha": p.Pattern = "[a-zA-Z]+"; break;
                    }
                }

                return p;
            }
        }
    }
}
