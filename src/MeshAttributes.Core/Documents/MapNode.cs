using System.Collections.Generic;

namespace MeshAttributes.Core.Documents
{
    /// <summary>
    /// A map whose keys keep the order they were added in, so output is stable and reads like Istio's docs.
    /// The <c>Set</c> overloads skip null values: a builder writes only what the user set.
    /// </summary>
    public sealed class MapNode : Node
    {
        private readonly List<KeyValuePair<string, Node>> _entries;

        public MapNode()
        {
            _entries = new List<KeyValuePair<string, Node>>();
        }

        /// <summary>A map with room for <paramref name="capacity"/> entries, for builders that make many maps of a known shape.</summary>
        public MapNode(int capacity)
        {
            _entries = new List<KeyValuePair<string, Node>>(capacity);
        }

        public bool IsEmpty => _entries.Count == 0;

        /// <summary>The number of entries; with the indexer, a renderer walks them without an enumerator.</summary>
        public int Count => _entries.Count;

        public KeyValuePair<string, Node> this[int index] => _entries[index];

        public MapNode Set(string key, Node? value)
        {
            if (value is not null)
            {
                _entries.Add(new KeyValuePair<string, Node>(key, value));
            }

            return this;
        }

        public MapNode Set(string key, string? value) => Set(key, value is null ? null : ScalarNode.String(value));

        public MapNode Set(string key, int? value) => Set(key, value is int v ? ScalarNode.Number(v) : null);

        public MapNode Set(string key, double? value) => Set(key, value is double v ? ScalarNode.Number(v) : null);

        public MapNode Set(string key, bool? value) => Set(key, value is bool v ? ScalarNode.Boolean(v) : null);

        /// <summary>Adds <paramref name="value"/> unless it is empty, so no <c>{}</c> stands for "nothing said".</summary>
        public MapNode SetIfNotEmpty(string key, MapNode value) => value.IsEmpty ? this : Set(key, value);
    }
}
