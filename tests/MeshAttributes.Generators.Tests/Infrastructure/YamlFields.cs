using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Generators.Tests.Infrastructure
{
    /// <summary>
    /// A YAML document's fields by dotted path, read with YamlDotNet: <see cref="Leaves"/> with sequence indexes
    /// (<c>spec.ports[1].name</c>), <see cref="Paths"/> with <c>[]</c> for any item, as an API's field list names them.
    /// </summary>
    internal static class YamlFields
    {
        public static YamlNode Parse(string text)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Single().RootNode;
        }

        /// <summary>Every scalar by its path; an empty mapping or sequence is a leaf with an empty value.</summary>
        public static Dictionary<string, string> Leaves(YamlNode root)
        {
            var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
            Walk(root, string.Empty, indexed: true, (path, value) => leaves[path] = value);
            return leaves;
        }

        /// <summary>The distinct field paths, items written <c>[]</c>.</summary>
        public static IEnumerable<string> Paths(YamlNode root)
        {
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            Walk(root, string.Empty, indexed: false, (path, _) => paths.Add(path));
            return paths;
        }

        /// <summary>The scalar at <paramref name="path"/>: mapping keys, or item indexes as numbers.</summary>
        public static string? Text(YamlNode root, params string[] path)
        {
            YamlNode? node = root;
            foreach (string key in path)
            {
                node = node switch
                {
                    YamlMappingNode map => map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
                    YamlSequenceNode list when int.TryParse(key, out int i) && i < list.Children.Count => list.Children[i],
                    _ => null,
                };
            }

            return (node as YamlScalarNode)?.Value;
        }

        /// <summary>The strings of the sequence at <paramref name="path"/>.</summary>
        public static IEnumerable<string> Strings(YamlNode root, params string[] path)
        {
            YamlNode node = root;
            foreach (string key in path)
            {
                node = ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
            }

            return ((YamlSequenceNode)node).Children.Select(n => ((YamlScalarNode)n).Value!);
        }

        private static void Walk(YamlNode node, string path, bool indexed, Action<string, string> leaf)
        {
            switch (node)
            {
                case YamlMappingNode map when map.Children.Count > 0:
                    foreach (var (key, value) in map.Children)
                    {
                        Walk(value, path.Length == 0 ? ((YamlScalarNode)key).Value! : path + "." + ((YamlScalarNode)key).Value, indexed, leaf);
                    }

                    break;
                case YamlSequenceNode list when list.Children.Count > 0:
                    for (int i = 0; i < list.Children.Count; i++)
                    {
                        Walk(list.Children[i], path + (indexed ? "[" + i + "]" : "[]"), indexed, leaf);
                    }

                    break;
                case YamlScalarNode scalar:
                    leaf(path, scalar.Value ?? string.Empty);
                    break;
                default:
                    leaf(path, string.Empty);
                    break;
            }
        }
    }
}
