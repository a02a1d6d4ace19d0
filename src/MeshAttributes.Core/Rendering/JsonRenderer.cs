using System.Globalization;
using System.Text;
using MeshAttributes.Core.Documents;

namespace MeshAttributes.Core.Rendering
{
    /// <summary>Writes a <see cref="Node"/> tree as indented JSON (two spaces, LF line ends, trailing newline).</summary>
    public static class JsonRenderer
    {
        public static string Render(Node document)
        {
            var sb = new StringBuilder();
            Write(sb, document, 0);
            return sb.Append('\n').ToString();
        }

        private static void Write(StringBuilder sb, Node node, int indent)
        {
            switch (node)
            {
                case MapNode map when map.IsEmpty:
                    sb.Append("{}");
                    break;
                case MapNode map:
                    sb.Append('{');
                    for (int i = 0; i < map.Count; i++)
                    {
                        sb.Append(i == 0 ? "\n" : ",\n").Append(' ', indent + 2);
                        AppendQuoted(sb, map[i].Key);
                        sb.Append(": ");
                        Write(sb, map[i].Value, indent + 2);
                    }

                    sb.Append('\n').Append(' ', indent).Append('}');
                    break;
                case SequenceNode seq when seq.Count == 0:
                    sb.Append("[]");
                    break;
                case SequenceNode seq:
                    sb.Append('[');
                    for (int i = 0; i < seq.Count; i++)
                    {
                        sb.Append(i == 0 ? "\n" : ",\n").Append(' ', indent + 2);
                        Write(sb, seq[i], indent + 2);
                    }

                    sb.Append('\n').Append(' ', indent).Append(']');
                    break;
                case ScalarNode scalar:
                    if (scalar.Kind == ScalarKind.String)
                    {
                        AppendQuoted(sb, scalar.Text);
                    }
                    else
                    {
                        sb.Append(scalar.Text);
                    }

                    break;
            }
        }

        // A JSON string literal (RFC 8259); U+2028/U+2029 are escaped too, for JavaScript consumers.
        private static void AppendQuoted(StringBuilder sb, string s)
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
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    default:
                        bool pairedSurrogate = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
                        if (pairedSurrogate)
                        {
                            sb.Append(c).Append(s[++i]);
                        }
                        else if (c < 0x20 || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                        {
                            int code = char.IsSurrogate(c) ? 0xFFFD : c;
                            sb.Append("\\u").Append(code.ToString("x4", CultureInfo.InvariantCulture));
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
    }
}
