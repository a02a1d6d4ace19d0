using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshAttributes.Build
{
    /// <summary>A manifest whose path passed validation, with the exact bytes to put on disk.</summary>
    internal sealed class PlannedManifest
    {
        public PlannedManifest(string relativePath, string fullPath, byte[] bytes)
        {
            RelativePath = relativePath;
            FullPath = fullPath;
            Bytes = bytes;
        }

        /// <summary>As the generator wrote it: <c>&lt;service&gt;/&lt;file&gt;</c>.</summary>
        public string RelativePath { get; }

        public string FullPath { get; }

        public byte[] Bytes { get; }

        public ITaskItem ToTaskItem()
        {
            var item = new TaskItem(FullPath);
            item.SetMetadata("Service", ManifestPath.ServiceOf(RelativePath));
            item.SetMetadata("ManifestPath", RelativePath);
            return item;
        }
    }
}
