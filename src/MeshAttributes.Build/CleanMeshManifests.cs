using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshAttributes.Build
{
    /// <summary>
    /// Deletes the manifests the last build recorded in its stamp, and the service folders that leaves empty.
    /// CoreClean alone would miss them whenever MeshManifestsOutputPath lies outside OutDir. A listed file modified
    /// since that build is left alone: another project, or a person, wrote it. Temp files an interrupted build left in
    /// those folders go too (see <see cref="ManifestTempFile"/>).
    /// </summary>
    public sealed class CleanMeshManifests : Task
    {
        /// <summary>The stamp WriteMeshManifests left; nothing happens when it does not exist.</summary>
        [Required]
        public string StampFile { get; set; } = "";

        /// <summary>The manifests that were deleted.</summary>
        [Output]
        public ITaskItem[] DeletedFiles { get; private set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        public override bool Execute()
        {
            try
            {
                ManifestStamp? stamp = ManifestStamp.Read(StampFile);
                if (stamp == null)
                {
                    return true;
                }

                // First, so that a temp file an interrupted build left does not keep a service folder from being removed.
                ManifestFileSystem.RemoveLeftoverTempFiles(stamp.Files.Select(f => Path.GetDirectoryName(f)!));
                var deleted = new List<string>();
                foreach (string file in stamp.Files)
                {
                    if (!stamp.StillOwns(file))
                    {
                        Log.LogMessage(MessageImportance.Normal, "MeshAttributes: left {0} in place: it was modified after this project wrote it, so it is not this project's to delete", file);
                        continue;
                    }

                    if (ManifestFileSystem.DeleteIfExists(file))
                    {
                        deleted.Add(file);
                        Log.LogMessage(MessageImportance.Low, "MeshAttributes: deleted {0}", file);
                    }
                }

                foreach (string folder in deleted.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal))
                {
                    ManifestFileSystem.PruneEmptyFolders(folder, stamp.OutputFolder);
                }

                DeletedFiles = deleted.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
                Log.LogMessage(MessageImportance.Normal, "MeshAttributes: deleted {0} manifests from {1}", deleted.Count, stamp.OutputFolder);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Log.LogError(null, BuildErrorCodes.FileSystem, null, null, 0, 0, 0, 0, "{0}", $"MeshAttributes could not delete the manifests listed in '{StampFile}': {ex.Message}");
                return false;
            }
        }
    }
}
