using System.IO;
using System.Linq;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>
    /// Compares parsed YAML "in meaning": everything the expected document says must be in the actual one with
    /// the same value; what the expected document leaves unsaid (extra labels, <c>tls</c>) is ignored.
    /// </summary>
    internal static class YamlSubset
    {
        public static YamlNode[] Documents(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Select(d => d.RootNode).ToArray();
        }

        public static YamlNode Document(string yaml) => Assert.Single(Documents(yaml));

        public static YamlNode At(YamlNode node, params object[] path)
        {
            foreach (object step in path)
            {
                node = step is int i ? ((YamlSequenceNode)node).Children[i] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)step)];
            }

            return node;
        }

        public static void AssertContains(YamlNode expected, YamlNode actual, string path = "")
        {
            switch (expected)
            {
                case YamlMappingNode map:
                    var actualMap = Assert.IsType<YamlMappingNode>(actual);
                    foreach (var entry in map.Children)
                    {
                        string key = ((YamlScalarNode)entry.Key).Value!;
                        Assert.True(actualMap.Children.ContainsKey(entry.Key), $"{path}.{key} is missing");
                        AssertContains(entry.Value, actualMap.Children[entry.Key], $"{path}.{key}");
                    }

                    break;
                case YamlSequenceNode seq:
                    var actualSeq = Assert.IsType<YamlSequenceNode>(actual);
                    Assert.True(seq.Children.Count == actualSeq.Children.Count, $"{path} has {actualSeq.Children.Count} items, expected {seq.Children.Count}");
                    for (int i = 0; i < seq.Children.Count; i++)
                    {
                        AssertContains(seq.Children[i], actualSeq.Children[i], $"{path}[{i}]");
                    }

                    break;
                case YamlScalarNode scalar:
                    var actualScalar = Assert.IsType<YamlScalarNode>(actual);
                    Assert.True(scalar.Value == actualScalar.Value, $"{path} is '{actualScalar.Value}', expected '{scalar.Value}'");
                    break;
            }
        }
    }
}
