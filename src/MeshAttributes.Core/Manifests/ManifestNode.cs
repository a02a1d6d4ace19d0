using System.Collections.Generic;
using YamlDotNet.Core;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// A YAML node as the manifest reader keeps it: a scalar, a mapping or a sequence, its tag (null when it has none) and
    /// the 1-based line and column it starts at. Built by <see cref="ManifestYaml"/> from YamlDotNet's event stream.
    /// </summary>
    internal abstract class ManifestNode
    {
        protected ManifestNode(string? tag, Mark start)
        {
            Tag = tag;
            Line = (int)start.Line;
            Column = (int)start.Column;
        }

        public string? Tag { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>A scalar: its text, and whether it was written plain (unquoted, no block style), the only form that can mean null.</summary>
    internal sealed class ManifestScalar : ManifestNode
    {
        public ManifestScalar(string value, bool plain, string? tag, Mark start)
            : base(tag, start)
        {
            Value = value;
            Plain = plain;
        }

        public string Value { get; }

        public bool Plain { get; }
    }

    /// <summary>A mapping: its entries in the order written, merge keys (<c>&lt;&lt;</c>) kept as entries of their own.</summary>
    internal sealed class ManifestMapping : ManifestNode
    {
        public ManifestMapping(string? tag, Mark start)
            : base(tag, start)
        {
        }

        public List<KeyValuePair<ManifestNode, ManifestNode>> Entries { get; } = new();
    }

    /// <summary>A sequence: its items in order.</summary>
    internal sealed class ManifestSequence : ManifestNode
    {
        public ManifestSequence(string? tag, Mark start)
            : base(tag, start)
        {
        }

        public List<ManifestNode> Items { get; } = new();
    }

    /// <summary>An alias to an anchor that is defined further down the document; replaced by that node once the document is read.</summary>
    internal sealed class ManifestAlias : ManifestNode
    {
        public ManifestAlias(string anchor, Mark start, Mark end)
            : base(null, start)
        {
            Anchor = anchor;
            Start = start;
            End = end;
        }

        public string Anchor { get; }

        public Mark Start { get; }

        public Mark End { get; }
    }
}
