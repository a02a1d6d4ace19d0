using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace MeshAttributes.Build
{
    /// <summary>File-system steps of the task: compare, write atomically, delete, prune emptied folders.</summary>
    internal static class ManifestFileSystem
    {
        /// <summary>UTF-8 without a BOM: kubectl, kustomize and Git diffs all expect plain UTF-8.</summary>
        public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>How this OS's usual file systems compare paths; used for every "is this inside the folder" check.</summary>
        public static readonly StringComparison PathComparison =
            RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

        /// <summary>An absolute folder path ending with a separator, so prefix checks cannot match a sibling (mesh2/ vs mesh/).</summary>
        public static string NormalizeFolder(string folder)
        {
            string full = Path.GetFullPath(folder);
            char last = full[full.Length - 1];
            return last == Path.DirectorySeparatorChar || last == Path.AltDirectorySeparatorChar
                ? full
                : full + Path.DirectorySeparatorChar;
        }

        /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="folder"/> (normalized, with separator).</summary>
        public static bool IsInside(string path, string folder) =>
            path.Length > folder.Length && path.StartsWith(folder, PathComparison);

        /// <summary>Writes <paramref name="bytes"/> unless the file already holds exactly them; returns whether it wrote.</summary>
        /// <remarks>Leaving an unchanged file alone keeps its timestamp, so file watchers and GitOps diffs see no change.</remarks>
        public static bool WriteIfChanged(string path, byte[] bytes)
        {
            if (HasContent(path, bytes))
            {
                return false;
            }

            WriteAtomically(path, bytes);
            return true;
        }

        /// <summary>
        /// Writes to a temp file in the same folder, then renames it over the target: a build stopped halfway leaves
        /// the old file or the new one, never half of one. The temp name is unique so that two builds writing the same
        /// folder (say, two target frameworks sharing MeshManifestsOutputPath) cannot interleave their bytes; it carries
        /// this process's id so that a later build can tell a killed build's leftover (see <see cref="ManifestTempFile"/>).
        /// </summary>
        public static void WriteAtomically(string path, byte[] bytes)
        {
            string temp = ManifestTempFile.For(path);
            try
            {
                WriteNew(temp, bytes);
                if (File.Exists(path))
                {
                    File.Replace(temp, path, destinationBackupFileName: null);
                }
                else
                {
                    try
                    {
                        File.Move(temp, path);
                    }
                    catch (IOException) when (File.Exists(path))
                    {
                        // Another build created it in between: replace it instead.
                        File.Replace(temp, path, destinationBackupFileName: null);
                    }
                }
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        /// <summary>
        /// Creates <paramref name="temp"/> (and its folder) holding <paramref name="bytes"/>. Tried twice: a build sharing
        /// the manifests folder may remove the folder, emptied of its own files, between creating it and the write.
        /// </summary>
        private static void WriteNew(string temp, byte[] bytes)
        {
            for (int attempt = 1; ; attempt++)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(temp)!);
                try
                {
                    using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        stream.Write(bytes, 0, bytes.Length);
                    }

                    return;
                }
                catch (DirectoryNotFoundException) when (attempt == 1)
                {
                }
            }
        }

        /// <summary>Deletes the file if it exists; returns whether there was one.</summary>
        public static bool DeleteIfExists(string path)
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }

        /// <summary>
        /// Deletes the temp files killed builds left in <paramref name="folders"/> (see <see cref="ManifestTempFile"/> for
        /// which are leftovers) and returns how many.
        /// </summary>
        public static int RemoveLeftoverTempFiles(IEnumerable<string> folders)
        {
            DateTime now = DateTime.UtcNow;
            int removed = 0;
            foreach (string folder in folders.Distinct(StringComparer.Ordinal))
            {
                removed += ManifestTempFile.RemoveLeftovers(folder, now, ManifestTempFile.IsRunning).Count;
            }

            return removed;
        }

        /// <summary>
        /// Removes <paramref name="folder"/> and its parents while they are empty and strictly inside
        /// <paramref name="root"/>. The root itself stays: it may be a folder the user made.
        /// </summary>
        public static void PruneEmptyFolders(string folder, string root)
        {
            string current = folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            while (IsInside(current, root) && Directory.Exists(current) && !Directory.EnumerateFileSystemEntries(current).Any())
            {
                try
                {
                    Directory.Delete(current, recursive: false);
                }
                catch (IOException)
                {
                    return; // something appeared in it meanwhile: it is no longer ours to remove
                }

                current = Path.GetDirectoryName(current)!;
            }
        }

        private static bool HasContent(string path, byte[] bytes)
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != bytes.Length)
            {
                return false;
            }

            byte[] existing = File.ReadAllBytes(path);
            for (int i = 0; i < bytes.Length; i++)
            {
                if (existing[i] != bytes[i])
                {
                    return false;
                }
            }

            return existing.Length == bytes.Length;
        }
    }
}
