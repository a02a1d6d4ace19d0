using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Reads values out of YamlDotNet's representation model the way Kubernetes does: keys looked up by name (merge keys
    /// <c>&lt;&lt;: *anchor</c> included), <c>null</c>/<c>~</c>/empty as absent, and a value of the wrong type reported at its
    /// line and column rather than guessed.
    /// </summary>
    internal sealed class YamlValues
    {
        private readonly string _file;
        private readonly List<InputProblem> _problems;

        public YamlValues(string file, List<InputProblem> problems)
        {
            _file = file;
            _problems = problems;
        }

        public SourceLocation At(YamlNode node) => At(node.Start);

        public SourceLocation At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

        public void Problem(YamlNode node, string message) => _problems.Add(new InputProblem(At(node), message));

        /// <summary>The value under <paramref name="key"/>, or null when absent or null.</summary>
        public static YamlNode? Get(YamlNode? map, string key)
        {
            if (map is not YamlMappingNode mapping)
            {
                return null;
            }

            foreach (var pair in mapping.Children)
            {
                if (pair.Key is YamlScalarNode k && k.Value == key)
                {
                    return IsNull(pair.Value) ? null : pair.Value;
                }
            }

            foreach (var pair in mapping.Children)
            {
                if (pair.Key is YamlScalarNode { Value: "<<" } && pair.Key.Tag.IsEmpty)
                {
                    if (pair.Value is YamlMappingNode merged && Get(merged, key) is { } found)
                    {
                        return found;
                    }

                    if (pair.Value is YamlSequenceNode sequence)
                    {
                        foreach (YamlNode item in sequence.Children)
                        {
                            if (Get(item, key) is { } inItem)
                            {
                                return inItem;
                            }
                        }
                    }
                }
            }

            return null;
        }

        public static YamlNode? Get(YamlNode? map, string key1, string key2) => Get(Get(map, key1), key2);

        public static YamlNode? Get(YamlNode? map, string key1, string key2, string key3) => Get(Get(Get(map, key1), key2), key3);

        public static IList<YamlNode> Items(YamlNode? node) =>
            node is YamlSequenceNode sequence ? sequence.Children : System.Array.Empty<YamlNode>();

        public static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
            && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

        /// <summary>A string value; reports a map or a list where a string belongs.</summary>
        public string? String(YamlNode? node, string what)
        {
            if (node is null)
            {
                return null;
            }

            if (node is YamlScalarNode scalar)
            {
                return scalar.Value;
            }

            Problem(node, $"{what} must be a single value, not a {(node is YamlMappingNode ? "map" : "list")}");
            return null;
        }

        public int? Int(YamlNode? node, string what)
        {
            string? text = String(node, what);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
            {
                return value;
            }

            Problem(node!, $"{what} must be a whole number, but it is '{text}'; write e.g. 3");
            return null;
        }

        public double? Double(YamlNode? node, string what)
        {
            // A google.protobuf.DoubleValue may also be written as {value: 20}.
            if (Get(node, "value") is { } wrapped)
            {
                node = wrapped;
            }

            string? text = String(node, what);
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return value;
            }

            Problem(node!, $"{what} must be a number, but it is '{text}'; write e.g. 20");
            return null;
        }

        /// <summary>The index of an enum value among <paramref name="names"/> (Istio's spelling), reporting any other value.</summary>
        public int? Enum(YamlNode? node, string what, IReadOnlyList<string> names)
        {
            string? text = String(node, what);
            if (text is null)
            {
                return null;
            }

            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == text)
                {
                    return i;
                }
            }

            Problem(node!, $"{what} is '{text}', which Istio does not define; write one of {string.Join(", ", names)}");
            return null;
        }
    }
}
