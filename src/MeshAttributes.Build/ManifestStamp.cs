using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MeshAttributes.Build
{
    /// <summary>
    /// The record of what the last successful run wrote, kept in the intermediate folder. It lets the next run
    /// delete manifests no longer produced, lets <c>dotnet clean</c> find manifests outside OutDir, and lets the
    /// targets re-add the files to FileWrites when the write target is skipped (IncrementalClean would delete
    /// them otherwise).
    /// </summary>
    /// <remarks>
    /// Format (UTF-8, LF): the first line is the manifests folder, absolute and ending with a directory separator;
    /// each further line is one manifest's absolute path, sorted. The targets read it with ReadLinesFromFile and
    /// tell the folder from the files by that trailing separator.
    /// </remarks>
    internal sealed class ManifestStamp
    {
        public ManifestStamp(string outputFolder, IReadOnlyList<string> files)
            : this(outputFolder, files, DateTime.MaxValue)
        {
        }

        private ManifestStamp(string outputFolder, IReadOnlyList<string> files, DateTime writtenAtUtc)
        {
            OutputFolder = outputFolder;
            Files = files;
            WrittenAtUtc = writtenAtUtc;
        }

        /// <summary>Absolute, with a trailing separator.</summary>
        public string OutputFolder { get; }

        /// <summary>Absolute paths, each inside <see cref="OutputFolder"/>.</summary>
        public IReadOnlyList<string> Files { get; }

        /// <summary>
        /// When the stamp was written: after every manifest of its run. A listed file modified later was rewritten by
        /// someone else since (another project that now declares the service, into a shared MeshManifestsOutputPath, or
        /// a person), so it is no longer this project's to delete.
        /// </summary>
        public DateTime WrittenAtUtc { get; }

        /// <summary>
        /// Whether <paramref name="file"/> is still as this project's run left it (not modified after the stamp), so that
        /// deleting it can only ever remove a file this project wrote.
        /// </summary>
        public bool StillOwns(string file) => File.GetLastWriteTimeUtc(file) <= WrittenAtUtc;

        /// <summary>
        /// Reads a stamp; null when there is none or it is not one of ours. Lines outside the recorded folder are
        /// dropped, so a damaged or hand-edited stamp can never make the task delete files elsewhere.
        /// </summary>
        public static ManifestStamp? Read(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            string[] lines = File.ReadAllLines(path);
            if (lines.Length == 0 || !Path.IsPathRooted(lines[0]))
            {
                return null;
            }

            string folder = ManifestFileSystem.NormalizeFolder(lines[0]);
            var files = new List<string>();
            for (int i = 1; i < lines.Length; i++)
            {
                string line = lines[i].Trim();
                if (line.Length > 0 && Path.IsPathRooted(line))
                {
                    string file = Path.GetFullPath(line);
                    if (ManifestFileSystem.IsInside(file, folder))
                    {
                        files.Add(file);
                    }
                }
            }

            return new ManifestStamp(folder, files, File.GetLastWriteTimeUtc(path));
        }

        public void Write(string path)
        {
            string text = OutputFolder + "\n" + string.Concat(Files.OrderBy(f => f, StringComparer.Ordinal).Select(f => f + "\n"));
            ManifestFileSystem.WriteAtomically(Path.GetFullPath(path), ManifestFileSystem.Utf8.GetBytes(text));
        }
    }
}
