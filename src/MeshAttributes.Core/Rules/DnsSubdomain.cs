namespace MeshAttributes.Core.Rules
{
    /// <summary>Kubernetes' DNS-1123 subdomain: DNS-1123 labels joined by '.', at most 253 characters, as service account names are.</summary>
    public static class DnsSubdomain
    {
        public const int MaxLength = 253;

        public static bool IsValid(string? value)
        {
            if (value is null || value.Length == 0 || value.Length > MaxLength)
            {
                return false;
            }

            foreach (string label in value.Split('.'))
            {
                if (!DnsLabel.IsValid(label))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The nearest valid subdomain (each '.'-separated part made a valid label, empty parts dropped), or null when nothing is left.</summary>
        public static string? Suggest(string? value)
        {
            if (value is null)
            {
                return null;
            }

            var labels = new System.Collections.Generic.List<string>();
            foreach (string part in value.Split('.'))
            {
                if (DnsLabel.Suggest(part) is string label)
                {
                    labels.Add(label);
                }
            }

            string s = string.Join(".", labels);
            return s.Length == 0 || s.Length > MaxLength ? null : s;
        }
    }
}
