namespace MeshAttributes.Core.Rules
{
    /// <summary>Kubernetes' DNS-1123 label: what service and namespace names must be.</summary>
    public static class DnsLabel
    {
        public const int MaxLength = 63;

        public static bool IsValid(string? value)
        {
            if (value is null || value.Length == 0 || value.Length > MaxLength)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
                if (!alnum && !(c == '-' && i > 0 && i < value.Length - 1))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The nearest valid label (lower case, other characters turned into '-'), or null when nothing is left.</summary>
        public static string? Suggest(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var chars = value.ToLowerInvariant().ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!((chars[i] >= 'a' && chars[i] <= 'z') || (chars[i] >= '0' && chars[i] <= '9')))
                {
                    chars[i] = '-';
                }
            }

            string s = new string(chars).Trim('-');
            while (s.Contains("--"))
            {
                s = s.Replace("--", "-");
            }

            if (s.Length > MaxLength)
            {
                s = s.Substring(0, MaxLength).TrimEnd('-');
            }

            return s.Length == 0 ? null : s;
        }
    }
}
