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
        private const int ParseBatch = 512;

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
            // mapped in order, so only one batch of parsed documents is held at once.
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

        private static void AddDirectory(string directory, List<string> files, HashSet<string> seen, ManifestCollector collector)
        {
            if (!seen.Add(Path.GetFullPath(directory) + "/"))
            {
                return;
            }

            string? kustomization = KustomizationNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);
            if (kustomization is not null)
            {
                AddKustomization(directory, kustomization, files, seen, collector);
                return;
            }

            foreach (string file in Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal))
            {
                AddFile(file, files, seen);
            }

            foreach (string sub in Directory.EnumerateDirectories(directory)
                .Where(d => !Path.GetFileName(d).StartsWith(".", StringComparison.Ordinal))
                .OrderBy(d => d, StringComparer.Ordinal))
            {
                AddDirectory(sub, files, seen, collector);
            }
        }

        private static void AddKustomization(string directory, string kustomization, List<string> files, HashSet<string> seen, ManifestCollector collector)
        {
            string display = Display(kustomization);
            List<ManifestNode> documents;
            try
            {
                documents = ManifestYaml.ReadDocuments(ReadText(kustomization));
            }
            catch (YamlException e)
            {
                collector.AddProblem(new InputProblem(new SourceLocation(display, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {e.Message}; the folder was skipped"));
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                collector.AddProblem(new InputProblem(new SourceLocation(display, 1, 1), $"cannot be read as YAML: {e.Message}; the folder was skipped"));
                return;
            }

            ManifestNode? root = documents.Count > 0 ? documents[0] : null;
            foreach (string list in new[] { "resources", "bases" })
            {
                foreach (ManifestNode entry in YamlValues.Items(YamlValues.Get(root, list)))
                {
                    if (entry is not ManifestScalar { Value: { Length: > 0 } relative })
                    {
                        continue;
                    }

                    var at = new SourceLocation(display, entry.Line, entry.Column);
                    if (relative.Contains("://") || relative.StartsWith("github.com/", StringComparison.Ordinal))
                    {
                        collector.AddProblem(new InputProblem(at, $"'{relative}' is a remote resource, which is not fetched; check a local copy of it"));
                        continue;
                    }

                    string path = Path.Combine(directory, relative);
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
                        collector.AddProblem(new InputProblem(at, $"'{relative}' is listed in {list} but does not exist; fix the path or remove the entry"));
                    }
                }
            }
        }

        // Paths as the user wrote them, with '/' on every system, so output and tests read the same everywhere.
        private static string Display(string path) => path.Replace('\\', '/');
    }
}
