using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>Writes hand-made <c>[assembly: MeshManifest(...)]</c> attributes, as the generator would emit them.</summary>
    internal static class CSharpSource
    {
        public static string Manifests(params (string Path, string Content)[] manifests) =>
            Attributes(manifests.Select(m => Manifest(m.Path, m.Content)));

        public static string Manifest(string path, string content) =>
            $"[assembly: MeshAttributes.MeshManifest({Literal(path)}, {Literal(content)})]";

        public static string Error(string path, string id, string message) =>
            $"[assembly: MeshAttributes.MeshManifestError({Literal(path)}, {Literal(id)}, {Literal(message)})]";

        public static string Attributes(IEnumerable<string> attributeLines) =>
            "// Hand-written stand-in for the generator's output.\n" + string.Concat(attributeLines.Select(l => l + "\n"));

        /// <summary>A C# string literal for any text, with the characters a regular literal cannot hold escaped.</summary>
        public static string Literal(string? value)
        {
            if (value == null)
            {
                return "null";
            }

            var builder = new StringBuilder("\"");
            foreach (char c in value)
            {
                builder.Append(c switch
                {
                    '\\' => "\\\\",
                    '"' => "\\\"",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ when char.IsControl(c) || char.IsSurrogate(c) => $"\\u{(int)c:x4}",
                    _ => c.ToString(),
                });
            }

            return builder.Append('"').ToString();
        }
    }
}
