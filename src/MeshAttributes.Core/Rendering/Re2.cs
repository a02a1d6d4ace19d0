using System.Text;

namespace MeshAttributes.Core.Rendering
{
    /// <summary>RE2, the regex dialect of Envoy's <c>safe_regex</c> and of PromQL's <c>=~</c>.</summary>
    public static class Re2
    {
        /// <summary>Escapes RE2 metacharacters so <paramref name="literal"/> matches only itself.</summary>
        public static string Escape(string literal) => AppendEscaped(new StringBuilder(literal.Length), literal).ToString();

        /// <summary>Appends <paramref name="literal"/> with RE2 metacharacters escaped.</summary>
        public static StringBuilder AppendEscaped(StringBuilder sb, string literal)
        {
            foreach (char c in literal)
            {
                if (Metacharacters.IndexOf(c) >= 0)
                {
                    sb.Append('\\');
                }

                sb.Append(c);
            }

            return sb;
        }

        private const string Metacharacters = "\\.+*?()|[]{}^$";
    }
}
