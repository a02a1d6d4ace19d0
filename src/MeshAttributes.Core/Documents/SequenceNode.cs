using System.Collections.Generic;

namespace MeshAttributes.Core.Documents
{
    /// <summary>An ordered list of nodes.</summary>
    public sealed class SequenceNode : Node
    {
        private readonly List<Node> _items = new();

        public IReadOnlyList<Node> Items => _items;

        public SequenceNode Add(Node item)
        {
            _items.Add(item);
            return this;
        }

        public SequenceNode Add(string item) => Add(ScalarNode.String(item));
    }
}
