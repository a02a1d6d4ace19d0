using System;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>One YAML manifest on disk, read with YamlDotNet, with dotted-path access for assertions.</summary>
    internal sealed class YamlDocument
    {
        private readonly YamlNode root;

        private YamlDocument(string path, YamlNode root)
        {
            Path = path;
            this.root = root;
        }

        public string Path { get; }

        public static YamlDocument Load(string path)
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(path)))
            {
                stream.Load(reader);
            }

            return new YamlDocument(path, stream.Documents.Single().RootNode);
        }

        /// <summary>The node at a dotted path such as <c>spec.http.0.retries.attempts</c> (numbers index sequences).</summary>
        public YamlNode Node(string dottedPath)
        {
            YamlNode node = root;
            foreach (string part in dottedPath.Split('.'))
            {
                node = node switch
                {
                    YamlMappingNode mapping when mapping.Children.TryGetValue(new YamlScalarNode(part), out YamlNode? child) => child,
                    YamlSequenceNode sequence when int.TryParse(part, out int index) && index < sequence.Children.Count => sequence.Children[index],
                    _ => throw new InvalidOperationException($"{Path} has no '{dottedPath}' (stopped at '{part}'):\n{File.ReadAllText(Path)}"),
                };
            }

            return node;
        }

        public string Scalar(string dottedPath) =>
            Node(dottedPath) is YamlScalarNode { Value: { } value }
                ? value
                : throw new InvalidOperationException($"{Path}: '{dottedPath}' is not a scalar.");

        public string[] Scalars(string dottedPath) =>
            ((YamlSequenceNode)Node(dottedPath)).Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToArray();

        public int Count(string dottedPath) => ((YamlSequenceNode)Node(dottedPath)).Children.Count;
    }
}
