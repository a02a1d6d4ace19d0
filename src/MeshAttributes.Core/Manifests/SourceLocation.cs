using System.Globalization;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>A place in a manifest file: the path as given to the reader, and the 1-based line and column of a YAML node.</summary>
    public readonly record struct SourceLocation(string File, int Line, int Column)
    {
        /// <summary><c>file:line:column</c>, the form compilers and editors jump to.</summary>
        public override string ToString() =>
            File + ":" + Line.ToString(CultureInfo.InvariantCulture) + ":" + Column.ToString(CultureInfo.InvariantCulture);
    }
}
