using System.Globalization;

namespace MeshAttributes.Core.Documents
{
    /// <summary>A string, number or boolean; <see cref="Text"/> is its canonical spelling.</summary>
    public sealed class ScalarNode : Node
    {
        private ScalarNode(string text, ScalarKind kind)
        {
            Text = text;
            Kind = kind;
        }

        public string Text { get; }

        public ScalarKind Kind { get; }

        public static ScalarNode String(string value) => new(value, ScalarKind.String);

        public static ScalarNode Number(long value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarKind.Number);

        /// <summary>A finite number, written in the shortest form that reads back as the same double.</summary>
        public static ScalarNode Number(double value) => new(value.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Number);

        public static ScalarNode Boolean(bool value) => value ? True : False;

        // Scalars are immutable, so the two booleans are shared.
        private static readonly ScalarNode True = new("true", ScalarKind.Boolean);
        private static readonly ScalarNode False = new("false", ScalarKind.Boolean);
    }
}
