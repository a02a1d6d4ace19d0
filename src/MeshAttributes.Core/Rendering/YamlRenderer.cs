using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Documents;

namespace MeshAttributes.Core.Rendering
{
    /// <summary>
    /// Writes a <see cref="Node"/> tree as block-style YAML with LF line ends. A string is written plain only
    /// when no YAML 1.1 or 1.2 reader could take it for anything but that string; otherwise it is
    /// double-quoted with every non-printable character escaped, or, when it spans lines, a literal block.
    /// </summary>
    public static class YamlRenderer
    {
        // Compared ignoring case, as YAML 1.1 readers accept True, TRUE, Null, …; only ASCII letters reach the comparison.
        private static readonly HashSet<string> Reserved = new(System.StringComparer.OrdinalIgnoreCase)
        {
            "null", "~", "true", "false", "yes", "no", "y", "n", "on", "off",
        };

        // What YAML 1.1 (ints in base 2/8/10/16, floats, timestamps) or the YAML 1.2 core schema would read as a
        // number or date, restricted to the characters a plain candidate can hold.
        private static readonly Regex NumberOrDate = new(
            @"^(?:[0-9][0-9_]*|0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|(?:[0-9][0-9_]*)?\.[0-9._]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+|\.(?:inf|Inf|INF|nan|NaN|NAN))$|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}",
            RegexOptions.CultureInvariant);

        /// <summary>Renders one document; <paramref name="headerComment"/> lines are written first as <c>#</c> comments.</summary>
        public static string Render(Node document, params string[] headerComment)
        {
            var sb = new StringBuilder();
            foreach (string line in headerComment)
            {
                sb.Append("# ").Append(line).Append('\n');
            }

            switch (document)
            {
                case MapNode map when !map.IsEmpty:
                    WriteMap(sb, map, 0, firstInline: false);
                    break;
                case SequenceNode seq when seq.Count > 0:
                    WriteSequence(sb, seq, 0);
                    break;
                default:
                    WriteInlineValue(sb, document, 0);
                    sb.Append('\n');
                    break;
            }

            return sb.ToString();
        }

        private static void WriteMap(StringBuilder sb, MapNode map, int indent, bool firstInline)
        {
            for (int i = 0; i < map.Count; i++)
            {
                KeyValuePair<string, Node> entry = map[i];
                if (i > 0 || !firstInline)
                {
                    sb.Append(' ', indent);
                }

                AppendScalar(sb, entry.Key, ScalarKind.String);
                sb.Append(':');
                WriteValueAfterKey(sb, entry.Value, indent);
            }
        }

        private static void WriteValueAfterKey(StringBuilder sb, Node value, int indent)
        {
            switch (value)
            {
                case MapNode map when !map.IsEmpty:
                    sb.Append('\n');
                    WriteMap(sb, map, indent + 2, firstInline: false);
                    break;
                case SequenceNode seq when seq.Count > 0:
                    sb.Append('\n');
                    WriteSequence(sb, seq, indent + 2);
                    break;
                default:
                    sb.Append(' ');
                    WriteInlineValue(sb, value, indent + 2);
                    sb.Append('\n');
                    break;
            }
        }

        private static void WriteSequence(StringBuilder sb, SequenceNode seq, int indent)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                Node item = seq[i];
                sb.Append(' ', indent).Append('-');
                switch (item)
                {
                    case MapNode map when !map.IsEmpty:
                        sb.Append(' ');
                        WriteMap(sb, map, indent + 2, firstInline: true);
                        break;
                    case SequenceNode inner when inner.Count > 0:
                        sb.Append('\n');
                        WriteSequence(sb, inner, indent + 2);
                        break;
                    default:
                        sb.Append(' ');
                        WriteInlineValue(sb, item, indent + 2);
                        sb.Append('\n');
                        break;
                }
            }
        }

        // Writes an empty collection or a scalar on the current line; a literal block continues on the next lines.
        private static void WriteInlineValue(StringBuilder sb, Node value, int blockIndent)
        {
            switch (value)
            {
                case MapNode:
                    sb.Append("{}");
                    break;
                case SequenceNode:
                    sb.Append("[]");
                    break;
                case ScalarNode scalar when scalar.Kind == ScalarKind.String && CanBeLiteralBlock(scalar.Text):
                    WriteLiteralBlock(sb, scalar.Text, blockIndent);
                    break;
                case ScalarNode scalar:
                    AppendScalar(sb, scalar.Text, scalar.Kind);
                    break;
            }
        }

        // A scalar on one line: plain when that is safe, double-quoted otherwise.
        private static void AppendScalar(StringBuilder sb, string text, ScalarKind kind)
        {
            if (kind != ScalarKind.String || IsPlainSafe(text))
            {
                sb.Append(text);
            }
            else
            {
                AppendDoubleQuoted(sb, text);
            }
        }

        /// <summary>
        /// Whether <paramref name="s"/> can stand unquoted: only letters, digits and <c>-._/,</c>, starting with a
        /// letter, digit or '/', not a reserved word, and not something a YAML 1.1 or 1.2 reader takes for a number or a date.
        /// </summary>
        private static bool IsPlainSafe(string s)
        {
            if (s.Length == 0)
            {
                return false;
            }

            char first = s[0];
            if (!(IsAsciiLetterOrDigit(first) || first == '/'))
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!(IsAsciiLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '/' || c == ','))
                {
                    return false;
                }
            }

            // Every number or date form starts with a digit once a leading '.' is ruled out above.
            return !Reserved.Contains(s) && !(first >= '0' && first <= '9' && NumberOrDate.IsMatch(s));
        }

        // A YAML double-quoted scalar; every character outside YAML's printable set is escaped.
        private static void AppendDoubleQuoted(StringBuilder sb, string s)
        {
            sb.Append('"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\0': sb.Append("\\0"); break;
                    case '\u0085': sb.Append("\\N"); break;
                    case '\u2028': sb.Append("\\L"); break;
                    case '\u2029': sb.Append("\\P"); break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            sb.Append(c).Append(s[++i]);
                        }
                        else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || c == '\uFEFF' || c >= '\uFFFE')
                        {
                            // A lone surrogate cannot be written in UTF-8 at all; it becomes U+FFFD.
                            int code = char.IsSurrogate(c) ? 0xFFFD : c;
                            sb.Append("\\u").Append(code.ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
        }

        // A literal block keeps multi-line text (PromQL, embedded JSON) readable. It cannot carry a leading
        // space or line break on its first line, carriage returns, or characters that need escaping.
        private static bool CanBeLiteralBlock(string s)
        {
            if (s.IndexOf('\n') < 0 || s[0] == ' ' || s[0] == '\n' || s[0] == '\t')
            {
                return false;
            }

            foreach (char c in s)
            {
                if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE' || char.IsSurrogate(c))
                {
                    return false;
                }
            }

            // Trailing spaces are legal but invisible and fragile in review; quote instead.
            return !s.Contains(" \n") && !s.EndsWith(" ", System.StringComparison.Ordinal);
        }

        private static void WriteLiteralBlock(StringBuilder sb, string s, int indent)
        {
            // Clip (no indicator) drops the one final line break, keep ('+') writes a trailing empty line, strip ('-') none.
            bool endsWithBreak = s.EndsWith("\n", System.StringComparison.Ordinal);
            bool keep = s.EndsWith("\n\n", System.StringComparison.Ordinal);
            sb.Append('|').Append(!endsWithBreak ? "-" : keep ? "+" : string.Empty);

            // The body is s without its last line break, written line by line (the text of a dashboard is tens of KB: no copy).
            int bodyLength = endsWithBreak ? s.Length - 1 : s.Length;
            for (int start = 0; start <= bodyLength;)
            {
                int end = start < bodyLength ? s.IndexOf('\n', start, bodyLength - start) : -1;
                if (end < 0)
                {
                    end = bodyLength;
                }

                sb.Append('\n');
                if (end > start)
                {
                    sb.Append(' ', indent).Append(s, start, end - start);
                }

                start = end + 1;
            }
        }

        private static bool IsAsciiLetterOrDigit(char c) =>
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
