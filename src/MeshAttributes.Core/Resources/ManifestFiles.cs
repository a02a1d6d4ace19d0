using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Core.Resources
{
    /// <summary>What the service and platform renderers share: a document rendered in its file's format, and a file rendered so far.</summary>
    internal static class ManifestFiles
    {
        /// <summary>JSON as it is, YAML under the generated-file header.</summary>
        public static string Render(OutputFormat format, Node document, string[] header) =>
            format == OutputFormat.Json ? JsonRenderer.Render(document) : YamlRenderer.Render(document, header);

        /// <summary>The text of the file at <paramref name="path"/> among those rendered so far, or null.</summary>
        public static string? Find(List<ManifestFile> files, string path)
        {
            foreach (ManifestFile file in files)
            {
                if (file.Path == path)
                {
                    return file.Content;
                }
            }

            return null;
        }
    }
}
