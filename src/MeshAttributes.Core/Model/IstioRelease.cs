using System;
using System.Globalization;

namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// An Istio minor release (<c>major.minor</c>): the control plane the manifests are written for, set with the
    /// <c>MeshIstioVersion</c> MSBuild property. It decides the API versions written and which settings exist
    /// (<see cref="IstioFeatures"/>).
    /// </summary>
    public readonly record struct IstioRelease(int Major, int Minor) : IComparable<IstioRelease>
    {
        /// <summary>
        /// The oldest release MeshAttributes writes for: from 1.20, Istio's defaults are those the attribute docs describe
        /// (<c>LEAST_REQUEST</c> load balancing), and every field written exists, <see cref="IstioFeatures"/> aside.
        /// </summary>
        public static readonly IstioRelease Oldest = new(1, 20);

        /// <summary>The newest release whose CRD schemas the tests check the output against; later releases are written for as this one.</summary>
        public static readonly IstioRelease Newest = new(1, 30);

        /// <summary>
        /// The target when <c>MeshIstioVersion</c> is unset: the oldest release still supported upstream when this version of
        /// MeshAttributes was built (December 2026; Istio supports a minor release until six weeks after the second one after
        /// it, and 1.27–1.29 had reached their end of life by then).
        /// </summary>
        public static readonly IstioRelease Default = new(1, 30);

        /// <summary>An example of the property's form, for messages.</summary>
        public const string Example = "<MeshIstioVersion>1.24</MeshIstioVersion>";

        /// <summary>
        /// Reads <c>major.minor</c> (a patch, as in <c>1.24.3</c>, is accepted and ignored: the minor release decides what
        /// Istio serves); surrounding white space is ignored. False for anything else. Allocates nothing: the rules read
        /// it once per endpoint.
        /// </summary>
        public static bool TryParse(string? text, out IstioRelease release)
        {
            release = default;
            if (text is null)
            {
                return false;
            }

            int start = 0;
            int end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (!Number(text, ref start, end, out int major) || start >= end || text[start++] != '.' || !Number(text, ref start, end, out int minor))
            {
                return false;
            }

            if (start < end && (text[start++] != '.' || !Number(text, ref start, end, out _)))
            {
                return false;
            }

            if (start != end)
            {
                return false;
            }

            release = new IstioRelease(major, minor);
            return true;
        }

        /// <summary>The release of <paramref name="text"/> (<c>MeshIstioVersion</c> as written; null when unset), or <see cref="Default"/>.</summary>
        public static IstioRelease ParseOrDefault(string? text) => TryParse(text, out IstioRelease release) ? release : Default;

        public int CompareTo(IstioRelease other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

        public static bool operator <(IstioRelease left, IstioRelease right) => left.CompareTo(right) < 0;

        public static bool operator >(IstioRelease left, IstioRelease right) => left.CompareTo(right) > 0;

        public static bool operator <=(IstioRelease left, IstioRelease right) => left.CompareTo(right) <= 0;

        public static bool operator >=(IstioRelease left, IstioRelease right) => left.CompareTo(right) >= 0;

        public override string ToString() => Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);

        // Digits from position up to a '.' or end: no sign, no leading zeros ("1.020" is not a release), at most four.
        private static bool Number(string text, ref int position, int end, out int value)
        {
            value = 0;
            int first = position;
            while (position < end && text[position] >= '0' && text[position] <= '9')
            {
                value = (value * 10) + (text[position] - '0');
                position++;
            }

            int length = position - first;
            return length is > 0 and <= 4 && !(text[first] == '0' && length > 1);
        }
    }
}
