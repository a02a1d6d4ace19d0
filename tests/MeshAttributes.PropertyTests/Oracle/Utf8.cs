using System.Text;

namespace MeshAttributes.PropertyTests.Oracle
{
    /// <summary>What of a .NET string a UTF-8 file can hold: a lone surrogate has no UTF-8 form and is read back as U+FFFD.</summary>
    internal static class Utf8
    {
        public static string Representable(string text)
        {
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                }
                else
                {
                    sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                }
            }

            return sb.ToString();
        }
    }
}
