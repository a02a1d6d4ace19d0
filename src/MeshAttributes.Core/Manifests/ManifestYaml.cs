using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Reads a file's YAML documents from YamlDotNet's event stream (<see cref="Parser"/>) into <see cref="ManifestNode"/>s:
    /// scalars, mappings and sequences with their line and column, nothing else. An alias is the node its anchor names (the
    /// same object, so an anchored block reused by <c>*name</c> or a merge key is read once); merge keys stay ordinary
    /// entries that <see cref="YamlValues"/> looks through. A mapping that repeats a key, an alias whose anchor the document
    /// does not define, and anything YamlDotNet's parser rejects throw a <see cref="YamlException"/> at the place it is about.
    /// </summary>
    internal sealed class ManifestYaml
    {
        private readonly IParser _parser;

        // Anchors of the document being read, as YamlDotNet's representation model keeps them: a later anchor of the same
        // name replaces an earlier one, and an alias met before its anchor is resolved when the document ends.
        private readonly Dictionary<string, ManifestNode> _anchors = new(StringComparer.Ordinal);
        private readonly List<ManifestNode> _withForwardAliases = new();

        private ManifestYaml(IParser parser) => _parser = parser;

        /// <summary>Every document of <paramref name="text"/>, each as its root node; an empty document is an empty scalar.</summary>
        public static List<ManifestNode> ReadDocuments(string text) => new ManifestYaml(new Parser(new StringReader(text))).ReadStream();

        private List<ManifestNode> ReadStream()
        {
            var documents = new List<ManifestNode>();
            _parser.Consume<StreamStart>();
            while (!_parser.TryConsume<StreamEnd>(out _))
            {
                _parser.Consume<DocumentStart>();
                ManifestNode root = ReadNode();
                if (root is ManifestAlias)
                {
                    throw new YamlException("A document cannot contain only an alias");
                }

                _parser.Consume<DocumentEnd>();
                ResolveForwardAliases();
                documents.Add(root);
            }

            return documents;
        }

        private ManifestNode ReadNode()
        {
            switch (_parser.Current)
            {
                case Scalar scalar:
                    _parser.MoveNext();
                    return Anchor(scalar, new ManifestScalar(scalar.Value, scalar.Style is ScalarStyle.Plain or ScalarStyle.Any, Tag(scalar), scalar.Start));

                case SequenceStart start:
                {
                    var sequence = Anchor(start, new ManifestSequence(Tag(start), start.Start));
                    _parser.MoveNext();
                    bool forward = false;
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        ManifestNode item = ReadNode();
                        forward |= item is ManifestAlias;
                        sequence.Items.Add(item);
                    }

                    if (forward)
                    {
                        _withForwardAliases.Add(sequence);
                    }

                    return sequence;
                }

                case MappingStart start:
                {
                    var mapping = Anchor(start, new ManifestMapping(Tag(start), start.Start));
                    _parser.MoveNext();
                    bool forward = false;
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        ManifestNode key = ReadNode();
                        ManifestNode value = ReadNode();
                        foreach (var entry in mapping.Entries)
                        {
                            if (SameNode(entry.Key, key))
                            {
                                throw new YamlException(Start(key), Start(key), $"Duplicate key {Describe(key)}");
                            }
                        }

                        forward |= key is ManifestAlias || value is ManifestAlias;
                        mapping.Entries.Add(new KeyValuePair<ManifestNode, ManifestNode>(key, value));
                    }

                    if (forward)
                    {
                        _withForwardAliases.Add(mapping);
                    }

                    return mapping;
                }

                case AnchorAlias alias:
                    _parser.MoveNext();
                    return _anchors.TryGetValue(alias.Value.Value, out ManifestNode? anchored)
                        ? anchored
                        : new ManifestAlias(alias.Value.Value, alias.Start, alias.End);

                case ParsingEvent other:
                    throw new YamlException(other.Start, other.End, $"Expected a node, got '{other.GetType().Name}'");

                default:
                    throw new YamlException("The YAML ends inside a node");
            }
        }

        private T Anchor<T>(NodeEvent node, T read)
            where T : ManifestNode
        {
            if (!node.Anchor.IsEmpty)
            {
                _anchors[node.Anchor.Value] = read;
            }

            return read;
        }

        private static string? Tag(NodeEvent node) => node.Tag.IsEmpty ? null : node.Tag.Value;

        private void ResolveForwardAliases()
        {
            foreach (ManifestNode node in _withForwardAliases)
            {
                if (node is ManifestSequence sequence)
                {
                    for (int i = 0; i < sequence.Items.Count; i++)
                    {
                        sequence.Items[i] = Resolve(sequence.Items[i]);
                    }
                }
                else if (node is ManifestMapping mapping)
                {
                    for (int i = 0; i < mapping.Entries.Count; i++)
                    {
                        var entry = mapping.Entries[i];
                        mapping.Entries[i] = new KeyValuePair<ManifestNode, ManifestNode>(Resolve(entry.Key), Resolve(entry.Value));
                    }
                }
            }

            _withForwardAliases.Clear();
            _anchors.Clear();
        }

        private ManifestNode Resolve(ManifestNode node)
        {
            if (node is not ManifestAlias alias)
            {
                return node;
            }

            return _anchors.TryGetValue(alias.Anchor, out ManifestNode? anchored)
                ? anchored
                : throw new AnchorNotFoundException(alias.Start, alias.End, $"The anchor '{alias.Anchor}' does not exist");
        }

        // Keys repeat as YamlDotNet's representation model compares them: scalars by tag and text, whatever their quoting
        // (`a` and "a" are one key), sequences item by item, a mapping or an unresolved alias only as the very same node.
        private static bool SameNode(ManifestNode a, ManifestNode b)
        {
            if (ReferenceEquals(a, b))
            {
                return true;
            }

            if (a.Tag != b.Tag)
            {
                return false;
            }

            if (a is ManifestScalar sa)
            {
                return b is ManifestScalar sb && sa.Value == sb.Value;
            }

            if (a is not ManifestSequence qa || b is not ManifestSequence qb || qa.Items.Count != qb.Items.Count)
            {
                return false;
            }

            for (int i = 0; i < qa.Items.Count; i++)
            {
                if (!SameNode(qa.Items[i], qb.Items[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static Mark Start(ManifestNode node) => node is ManifestAlias alias ? alias.Start : new Mark(0, node.Line, node.Column);

        private static string Describe(ManifestNode node) => node switch
        {
            ManifestScalar scalar => scalar.Value,
            ManifestSequence sequence => "[ " + string.Join(", ", sequence.Items.ConvertAll(Describe)) + " ]",
            _ => "(a mapping)",
        };
    }
}
