using System.Collections.Generic;
using System.Globalization;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Reads values out of a manifest's YAML (<see cref="ManifestNode"/>) the way Kubernetes does: keys looked up by name (merge keys
    /// <c>&lt;&lt;: *anchor</c> included), <c>null</c>/<c>~</c>/empty as absent, and a value of the wrong type reported at its
    /// line and column rather than guessed.
    /// </summary>
    internal sealed class YamlValues
    {
        private const int MaxMergeDepth = 32;

        private readonly string _file;
        private readonly List<InputProblem> _problems;

        public YamlValues(string file, List<InputProblem> problems)
        {
            _file = file;
            _problems = problems;
        }

        public SourceLocation At(ManifestNode node) => new(_file, node.Line, node.Column);

        public void Problem(ManifestNode node, string message) => _problems.Add(new InputProblem(At(node), message));

        /// <summary>The value under <paramref name="key"/>, or null when absent or null.</summary>
        public static ManifestNode? Get(ManifestNode? map, string key) => Get(map, key, 0);

        public static ManifestNode? Get(ManifestNode? map, string key1, string key2) => Get(Get(map, key1), key2);

        public static ManifestNode? Get(ManifestNode? map, string key1, string key2, string key3) => Get(Get(Get(map, key1), key2), key3);

        public static IReadOnlyList<ManifestNode> Items(ManifestNode? node) =>
            node is ManifestSequence sequence ? sequence.Items : System.Array.Empty<ManifestNode>();

        public static bool IsNull(ManifestNode node) =>
            node is ManifestScalar { Plain: true } scalar && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

        private static ManifestNode? Get(ManifestNode? map, string key, int merges)
        {
            if (map is not ManifestMapping mapping)
            {
                return null;
            }

            foreach (var entry in mapping.Entries)
            {
                if (entry.Key is ManifestScalar k && k.Value == key)
                {
                    return IsNull(entry.Value) ? null : entry.Value;
                }
            }

            // Merge keys, nearest first; an anchor merged into itself is followed no further than YAML anyone writes.
            if (merges == MaxMergeDepth)
            {
                return null;
            }

            foreach (var entry in mapping.Entries)
            {
                if (entry.Key is ManifestScalar { Value: "<<", Tag: null })
                {
                    if (entry.Value is ManifestMapping merged && Get(merged, key, merges + 1) is { } found)
                    {
                        return found;
                    }

                    if (entry.Value is ManifestSequence sequence)
                    {
                        foreach (ManifestNode item in sequence.Items)
                        {
                            if (Get(item, key, merges + 1) is { } inItem)
                            {
                                return inItem;
                            }
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>A string value; reports a map or a list where a string belongs.</summary>
        public string? String(ManifestNode? node, string what)
        {
            if (node is null)
            {
                return null;
            }

            if (node is ManifestScalar scalar)
            {
                return scalar.Value;
            }

            Problem(node, $"{what} must be a single value, not a {(node is ManifestMapping ? "map" : "list")}");
            return null;
        }

        public int? Int(ManifestNode? node, string what)
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

        public double? Double(ManifestNode? node, string what)
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
        public int? Enum(ManifestNode? node, string what, IReadOnlyList<string> names)
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
