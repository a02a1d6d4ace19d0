using System.Collections.Generic;

namespace MeshAttributes.Core.Documents
{
    /// <summary>An ordered list of nodes.</summary>
    public sealed class SequenceNode : Node
    {
        private readonly List<Node> _items = new();

        /// <summary>The number of items; with the indexer, a renderer walks them without an enumerator.</summary>
        public int Count => _items.Count;

        public Node this[int index] => _items[index];

        public SequenceNode Add(Node item)
        {
            _items.Add(item);
            return this;
        }

        public SequenceNode Add(string item) => Add(ScalarNode.String(item));
    }
}
