using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using YamlDotNet.Core;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Reads the Istio resources under a set of files and folders into the mesh's services. A folder with a kustomization
    /// (<c>kustomization.yaml</c>, <c>kustomization.yml</c> or <c>Kustomization</c>) is read as kustomize reads it: the files and
    /// folders its <c>resources</c> list; any other folder by every <c>*.yaml</c>/<c>*.yml</c> file in it and its subfolders.
    /// Files are read once however often they are reached, in a stable order. Nothing that cannot be read stops the rest.
    /// </summary>
    public static class ManifestReader
    {
        // Files parsed in parallel before they are mapped: a small batch keeps parsed documents from outliving the young
        // generation of the garbage collector (512 spent a fifth of the run in collections, docs/performance-cli.md).
        private const int ParseBatch = 32;

        private static readonly string[] KustomizationNames = { "kustomization.yaml", "kustomization.yml", "Kustomization" };

        /// <summary>Reads every file and folder in <paramref name="paths"/>.</summary>
        public static MeshManifests Read(IEnumerable<string> paths)
        {
            var collector = new ManifestCollector();
            var files = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string path in paths)
            {
                if (File.Exists(path))
                {
                    AddFile(path, files, seen);
                }
                else if (Directory.Exists(path))
                {
                    AddDirectory(path, files, seen, collector);
                }
                else
                {
                    collector.AddProblem(new InputProblem(new SourceLocation(Display(path), 1, 1), "no such file or folder; name a manifest file or a folder of them"));
                }
            }

            // Parsing is most of the work and needs nothing shared: files are parsed in parallel, a batch at a time, then
            // mapped in order, so only one small batch of parsed documents is held at once.
            var parsed = new ParsedFile[Math.Min(files.Count, ParseBatch)];
            for (int start = 0; start < files.Count; start += ParseBatch)
            {
                int count = Math.Min(ParseBatch, files.Count - start);
                Parallel.For(0, count, i => parsed[i] = ReadFile(files[start + i]));
                for (int i = 0; i < count; i++)
                {
                    collector.Add(parsed[i]);
                }
            }

            return collector.Build();
        }

        /// <summary>Reads manifests given as text, each under the file name messages use.</summary>
        public static MeshManifests ReadTexts(IEnumerable<(string File, string Text)> files)
        {
            var collector = new ManifestCollector();
            foreach (var (file, text) in files)
            {
                collector.AddFile(file, text);
            }

            return collector.Build();
        }

        private static ParsedFile ReadFile(string path)
        {
            string display = Display(path);
            try
            {
                return ManifestCollector.Parse(display, ReadText(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new ParsedFile(display, null, new InputProblem(new SourceLocation(display, 1, 1), $"cannot be read: {e.Message}"));
            }
        }

        /// <summary>
        /// A file's text as <see cref="File.ReadAllText(string)"/> reads it, in one read and one string: UTF-8 without its byte
        /// order mark. A file that starts with a UTF-16 or UTF-32 byte order mark is left to ReadAllText.
        /// </summary>
        private static string ReadText(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            bool utf16Or32 = bytes.Length >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)
                || (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF));
            if (utf16Or32)
            {
                return File.ReadAllText(path);
            }

            int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, bom, bytes.Length - bom);
        }

        private static void AddFile(string path, List<string> files, HashSet<string> seen)
        {
            if (seen.Add(Path.GetFullPath(path)))
            {
                files.Add(path);
            }
        }

        private static void AddDirectory(string directory, List<string> files, HashSet<string> seen, ManifestCollector collector) =>
            AddDirectory(directory, ReadKustomization(directory), files, seen, collector);

        private static void AddDirectory(string directory, Kustomization? kustomization, List<string> files, HashSet<string> seen, ManifestCollector collector)
        {
            if (!seen.Add(Path.GetFullPath(directory) + "/"))
            {
                return;
            }

            if (kustomization is not null)
            {
                AddKustomization(kustomization, files, seen, collector);
                return;
            }

            foreach (string file in Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                AddFile(file, files, seen);
            }

            // In a build's output every service's folder holds a kustomization: the subfolders' are read in parallel, then
            // followed one by one in order.
            string[] subs = Directory.EnumerateDirectories(directory)
                .Where(d => !Path.GetFileName(d).StartsWith(".", StringComparison.Ordinal))
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToArray();
            var kustomizations = new Kustomization?[subs.Length];
            Parallel.For(0, subs.Length, i => kustomizations[i] = ReadKustomization(subs[i]));
            for (int i = 0; i < subs.Length; i++)
            {
                AddDirectory(subs[i], kustomizations[i], files, seen, collector);
            }
        }

        private static void AddKustomization(Kustomization kustomization, List<string> files, HashSet<string> seen, ManifestCollector collector)
        {
            if (kustomization.Problem is not null)
            {
                collector.AddProblem(kustomization.Problem);
                return;
            }

            foreach (KustomizationEntry entry in kustomization.Entries)
            {
                switch (entry.Kind)
                {
                    case EntryKind.File:
                        AddFile(entry.Path, files, seen);
                        break;
                    case EntryKind.Directory:
                        AddDirectory(entry.Path, files, seen, collector);
                        break;
                    case EntryKind.Remote:
                        collector.AddProblem(new InputProblem(entry.At, $"'{entry.Relative}' is a remote resource, which is not fetched; check a local copy of it"));
                        break;
                    default:
                        collector.AddProblem(new InputProblem(entry.At, $"'{entry.Relative}' is listed in {entry.List} but does not exist; fix the path or remove the entry"));
                        break;
                }
            }
        }

        /// <summary>
        /// The kustomization of <paramref name="directory"/>, read and its entries looked up on disk, or null when the folder
        /// has none. Touches nothing shared, so folders can be read in parallel.
        /// </summary>
        private static Kustomization? ReadKustomization(string directory)
        {
            string? path = KustomizationNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
            if (path is null)
            {
                return null;
            }

            string display = Display(path);
            List<ManifestNode> documents;
            try
            {
                documents = ManifestYaml.ReadDocuments(ReadText(path));
            }
            catch (YamlException e)
            {
                return new Kustomization(new InputProblem(new SourceLocation(display, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {e.Message}; the folder was skipped"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                return new Kustomization(new InputProblem(new SourceLocation(display, 1, 1), $"cannot be read as YAML: {e.Message}; the folder was skipped"));
            }

            var kustomization = new Kustomization(null);
            ManifestNode? root = documents.Count > 0 ? documents[0] : null;
            foreach (string list in new[] { "resources", "bases" })
            {
                foreach (ManifestNode entry in YamlValues.Items(YamlValues.Get(root, list)))
                {
                    if (entry is not ManifestScalar { Value: { Length: > 0 } relative })
                    {
                        continue;
                    }

                    string resource = Path.Combine(directory, relative);
                    EntryKind kind = relative.Contains("://") || relative.StartsWith("github.com/", StringComparison.Ordinal) ? EntryKind.Remote
                        : File.Exists(resource) ? EntryKind.File
                        : Directory.Exists(resource) ? EntryKind.Directory
                        : EntryKind.Missing;
                    kustomization.Entries.Add(new KustomizationEntry(list, relative, resource, new SourceLocation(display, entry.Line, entry.Column), kind));
                }
            }

            return kustomization;
        }

        // Paths as the user wrote them, with '/' on every system, so output and tests read the same everywhere.
        private static string Display(string path) => path.Replace('\\', '/');
    }
}
