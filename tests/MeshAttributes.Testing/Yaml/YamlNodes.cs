using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Yaml;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Testing
{
    /// <summary>Reads generated YAML with an independent parser (YamlDotNet), walks it, and writes YAML back.</summary>
    public static class YamlNodes
    {
        /// <summary>The root mapping of a single-document YAML text.</summary>
        public static YamlMappingNode Load(string text)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return (YamlMappingNode)stream.Documents.Single().RootNode;
        }

        /// <summary>Serialises one node as a YAML document, e.g. a PrometheusRule's <c>spec</c> as a Prometheus rule file.</summary>
        public static string Save(YamlNode node)
        {
            var writer = new StringWriter();
            new YamlStream(new YamlDotNet.RepresentationModel.YamlDocument(node)).Save(writer, assignAnchors: false);
            return writer.ToString();
        }

        /// <summary>The node under the mapping keys <paramref name="path"/>; throws when one is missing.</summary>
        public static YamlNode At(this YamlNode node, params string[] path) =>
            path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

        /// <summary>The node under the mapping keys <paramref name="path"/>, or null when one is missing.</summary>
        public static YamlNode? Find(this YamlNode node, params string[] path)
        {
            YamlNode? current = node;
            foreach (string key in path)
            {
                if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out current))
                {
                    return null;
                }
            }

            return current;
        }

        /// <summary>The scalar under the mapping keys <paramref name="path"/>.</summary>
        public static string Text(this YamlNode node, params string[] path) => ((YamlScalarNode)node.At(path)).Value!;

        /// <summary>
        /// A single-document YAML text as JSON by the YAML 1.2 core schema (a plain scalar may be null, a boolean or a
        /// number; a quoted one is a string), as <see cref="ManifestValidator"/> reads manifests.
        /// </summary>
        public static JsonNode? ToJson(string text) => YamlJsonConverter.Read(text).Single().Root;
    }
}
