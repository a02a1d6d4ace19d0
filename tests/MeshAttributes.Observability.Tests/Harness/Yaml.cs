using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>Reads generated YAML with an independent parser (YamlDotNet) and turns it into JSON for schema validation.</summary>
    internal static class Yaml
    {
        private static readonly Regex Int = new("^[-+]?[0-9]+$");
        private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

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
            new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
            return writer.ToString();
        }

        public static YamlNode At(this YamlNode node, params string[] path) =>
            path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

        public static string Text(this YamlNode node, params string[] path) => ((YamlScalarNode)node.At(path)).Value!;

        /// <summary>YAML to JSON by the YAML 1.2 core schema: a plain scalar may be null, a boolean or a number; a quoted one is a string.</summary>
        public static JsonNode? ToJson(YamlNode node)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    var obj = new JsonObject();
                    foreach (var entry in map.Children)
                    {
                        obj[((YamlScalarNode)entry.Key).Value!] = ToJson(entry.Value);
                    }

                    return obj;
                case YamlSequenceNode seq:
                    return new JsonArray(seq.Children.Select(ToJson).ToArray());
                case YamlScalarNode scalar:
                    string value = scalar.Value ?? string.Empty;
                    if (scalar.Style != ScalarStyle.Plain)
                    {
                        return JsonValue.Create(value);
                    }

                    if (value is "" or "~" or "null" or "Null" or "NULL")
                    {
                        return null;
                    }

                    if (value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
                    {
                        return JsonValue.Create(value.Equals("true", StringComparison.OrdinalIgnoreCase));
                    }

                    if (Int.IsMatch(value))
                    {
                        return JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture));
                    }

                    if (Float.IsMatch(value))
                    {
                        return JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture));
                    }

                    return JsonValue.Create(value);
                default:
                    throw new NotSupportedException(node.GetType().Name);
            }
        }
    }
}
