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
        {
            OutputFolder = outputFolder;
            Files = files;
        }

        /// <summary>Absolute, with a trailing separator.</summary>
        public string OutputFolder { get; }

        /// <summary>Absolute paths, each inside <see cref="OutputFolder"/>.</summary>
        public IReadOnlyList<string> Files { get; }

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

            return new ManifestStamp(folder, files);
        }

        public void Write(string path)
        {
            string text = OutputFolder + "\n" + string.Concat(Files.OrderBy(f => f, StringComparer.Ordinal).Select(f => f + "\n"));
            ManifestFileSystem.WriteAtomically(Path.GetFullPath(path), ManifestFileSystem.Utf8.GetBytes(text));
        }
    }
}
