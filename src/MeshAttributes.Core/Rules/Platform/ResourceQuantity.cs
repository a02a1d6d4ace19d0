using System.Globalization;

namespace MeshAttributes.Core.Rules.Platform
{
    /// <summary>
    /// Kubernetes' resource quantity (<c>k8s.io/apimachinery/pkg/api/resource</c>): a decimal number and one suffix, binary
    /// (<c>Ki Mi Gi Ti Pi Ei</c>), decimal (<c>n u m k M G T P E</c>) or an exponent (<c>e3</c>, <c>E-2</c>). Container
    /// resources must not be negative, so a sign is refused here.
    /// </summary>
    public static class ResourceQuantity
    {
        /// <summary>The quantity in base units (cores, bytes), or null when <paramref name="text"/> is not a non-negative quantity.</summary>
        public static double? Parse(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            int i = 0;
            int digits = 0;
            while (i < text!.Length && char.IsDigit(text[i]) && text[i] < 128)
            {
                i++;
                digits++;
            }

            if (i < text.Length && text[i] == '.')
            {
                i++;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9')
                {
                    i++;
                    digits++;
                }
            }

            if (digits == 0)
            {
                return null;
            }

            double number = double.Parse(text.Substring(0, i), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            double? scale = Scale(text.Substring(i));
            return scale is double s ? number * s : null;
        }

        private static double? Scale(string suffix)
        {
            switch (suffix)
            {
                case "": return 1;
                case "n": return 1e-9;
                case "u": return 1e-6;
                case "m": return 1e-3;
                case "k": return 1e3;
                case "M": return 1e6;
                case "G": return 1e9;
                case "T": return 1e12;
                case "P": return 1e15;
                case "E": return 1e18;
                case "Ki": return 1024d;
                case "Mi": return 1024d * 1024;
                case "Gi": return 1024d * 1024 * 1024;
                case "Ti": return 1024d * 1024 * 1024 * 1024;
                case "Pi": return 1024d * 1024 * 1024 * 1024 * 1024;
                case "Ei": return 1024d * 1024 * 1024 * 1024 * 1024 * 1024;
            }

            // An exponent: e or E, an optional sign, digits.
            if (suffix.Length < 2 || (suffix[0] != 'e' && suffix[0] != 'E'))
            {
                return null;
            }

            int start = suffix[1] == '+' || suffix[1] == '-' ? 2 : 1;
            if (start == suffix.Length)
            {
                return null;
            }

            for (int i = start; i < suffix.Length; i++)
            {
                if (suffix[i] < '0' || suffix[i] > '9')
                {
                    return null;
                }
            }

            return int.TryParse(suffix.Substring(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exponent)
                ? System.Math.Pow(10, exponent)
                : null;
        }
    }
}
