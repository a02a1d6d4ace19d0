using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshAttributes.Build
{
    /// <summary>
    /// Writes the manifests the source generator embedded in the compiled assembly as
    /// <c>[assembly: MeshManifest(path, content)]</c>, and fails the build for each
    /// <c>[assembly: MeshManifestError(path, id, message)]</c>. A source generator cannot write files
    /// (dotnet/roslyn#57608), so the text travels in the assembly and this task puts it on disk.
    /// </summary>
    public sealed class WriteMeshManifests : Task
    {
        /// <summary>The compiled assembly (the IntermediateAssembly item), read as metadata only.</summary>
        [Required]
        public string AssemblyPath { get; set; } = "";

        /// <summary>The manifests folder (MeshManifestsOutputPath); each service gets a subfolder.</summary>
        [Required]
        public string OutputPath { get; set; } = "";

        /// <summary>Where the list of written files is kept between builds (see <see cref="ManifestStamp"/>).</summary>
        [Required]
        public string StampFile { get; set; } = "";

        /// <summary>
        /// Every manifest the build owns, whether written now or unchanged since an earlier build, for FileWrites.
        /// Metadata: <c>Service</c> and <c>ManifestPath</c> (the path relative to the manifests folder).
        /// </summary>
        [Output]
        public ITaskItem[] ManifestFiles { get; private set; } = Array.Empty<ITaskItem>();

        /// <inheritdoc />
        public override bool Execute()
        {
            Stopwatch clock = Stopwatch.StartNew();
            MeshAssemblyContents contents;
            try
            {
                contents = MeshAssemblyReader.Read(AssemblyPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is BadImageFormatException)
            {
                LogTaskError(BuildErrorCodes.UnreadableAssembly, $"MeshAttributes could not read the manifests from '{AssemblyPath}': {ex.Message}");
                return false;
            }

            string root = ManifestFileSystem.NormalizeFolder(OutputPath);
            List<PlannedManifest>? planned = Plan(contents.Manifests, root, contents.HasPlatform);
            ManifestStamp? previous;
            try
            {
                previous = ManifestStamp.Read(StampFile);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                LogTaskError(BuildErrorCodes.FileSystem, $"MeshAttributes could not read its list of written manifests '{StampFile}': {ex.Message}");
                return false;
            }

            if (contents.Errors.Count > 0)
            {
                ReportManifestErrors(contents.Errors, root, previous, contents.HasPlatform);
                return false;
            }

            if (planned == null || Log.HasLoggedErrors)
            {
                return false;
            }

            // Names the file being written or deleted in the error: that is the path the user has to look at.
            string current = root;
            try
            {
                RemoveLeftoverTempFiles(planned, previous);
                int deleted = DeleteStale(previous, planned, ref current);
                int written = 0;
                foreach (PlannedManifest manifest in planned)
                {
                    current = manifest.FullPath;
                    if (ManifestFileSystem.WriteIfChanged(manifest.FullPath, manifest.Bytes))
                    {
                        written++;
                        Log.LogMessage(MessageImportance.Low, "MeshAttributes: wrote {0}", manifest.FullPath);
                    }
                }

                current = StampFile;
                new ManifestStamp(root, planned.Select(m => m.FullPath).ToList()).Write(StampFile);
                ManifestFiles = planned.Select(m => m.ToTaskItem()).ToArray();

                Log.LogMessage(
                    MessageImportance.High,
                    "MeshAttributes: {0}, {1} in {2} ({3} written, {4} deleted)",
                    Outputs(planned, contents.HasPlatform),
                    Count(planned.Count, "manifest"),
                    root,
                    written,
                    deleted);
                Log.LogMessage(MessageImportance.Low, "MeshAttributes: WriteMeshManifests took {0} ms", clock.ElapsedMilliseconds);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The stamp is left as it was, so the next build retries with the same knowledge of what is on disk; and
                // MeshWriteManifests, whose output the stamp is, runs again even when nothing else changed.
                LogTaskError(
                    BuildErrorCodes.FileSystem,
                    $"MeshAttributes could not update '{current}' in the manifests folder '{root}': {ex.Message} Make the folder writable (or point MeshManifestsOutputPath elsewhere) and build again.");
                return false;
            }
        }

        /// <summary>Validates every path up front so that nothing is written when any one is wrong; null on failure.</summary>
        private List<PlannedManifest>? Plan(IReadOnlyList<ManifestEntry> manifests, string root, bool hasPlatform)
        {
            var planned = new List<PlannedManifest>(manifests.Count);
            // Ignoring case: two paths differing only in case would be one file on Windows and macOS.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            bool ok = true;
            foreach (ManifestEntry manifest in manifests)
            {
                string? fullPath = ResolveOrReport(manifest.Path, root);
                if (fullPath == null)
                {
                    ok = false;
                    continue;
                }

                string path = manifest.Path!;
                if (!seen.Add(path))
                {
                    LogTaskError(
                        BuildErrorCodes.DuplicatePath,
                        hasPlatform && IsPlatformFolder(ManifestPath.ServiceOf(path))
                            ? $"MeshAttributes: two manifests have the path '{path}': a service named '{ManifestPath.ServiceOf(path)}' writes into the folder of [assembly: MeshPlatform]'s files; rename the service in its [MeshService(\"...\")]."
                            : $"MeshAttributes: two manifests have the path '{path}'; each manifest needs its own file.");
                    ok = false;
                    continue;
                }

                if (manifest.Content == null)
                {
                    LogTaskError(BuildErrorCodes.UnreadableAssembly, $"MeshAttributes: the manifest '{path}' has no content.");
                    ok = false;
                    continue;
                }

                planned.Add(new PlannedManifest(path, fullPath, ManifestFileSystem.Utf8.GetBytes(manifest.Content)));
            }

            return ok ? planned : null;
        }

        /// <summary>The absolute path of a manifest path, or null after reporting why it is refused.</summary>
        private string? ResolveOrReport(string? path, string root)
        {
            string? reason = ManifestPath.Validate(path);
            if (reason == null)
            {
                string fullPath = Path.GetFullPath(Path.Combine(root, path!.Replace('/', Path.DirectorySeparatorChar)));
                if (ManifestFileSystem.IsInside(fullPath, root))
                {
                    return fullPath;
                }

                reason = "it resolves outside the manifests folder";
            }

            LogTaskError(BuildErrorCodes.InvalidPath, $"MeshAttributes refused the manifest path '{path}': {reason}.");
            return null;
        }

        /// <summary>
        /// Fails the build with each refused manifest and removes a stale copy from an earlier build, so the
        /// folder never holds a manifest that no longer matches the code.
        /// </summary>
        private void ReportManifestErrors(IReadOnlyList<ManifestErrorEntry> errors, string root, ManifestStamp? previous, bool hasPlatform)
        {
            foreach (ManifestErrorEntry error in errors)
            {
                string path = error.Path ?? "";
                Log.LogError(
                    subcategory: null,
                    errorCode: error.Id,
                    helpKeyword: null,
                    file: null,
                    lineNumber: 0,
                    columnNumber: 0,
                    endLineNumber: 0,
                    endColumnNumber: 0,
                    message: "{0}",
                    $"MeshAttributes did not write '{ManifestPath.FileOf(path)}' for {Owner(ManifestPath.ServiceOf(path), hasPlatform)}: {error.Message}");

                string? fullPath = ResolveOrReport(error.Path, root);
                if (fullPath == null || previous == null || !previous.Files.Contains(fullPath, StringComparer.Ordinal) || !OwnedOrLogged(previous, fullPath))
                {
                    continue;
                }

                try
                {
                    if (ManifestFileSystem.DeleteIfExists(fullPath))
                    {
                        Log.LogMessage(MessageImportance.Normal, "MeshAttributes: deleted the stale {0}", fullPath);
                        ManifestFileSystem.PruneEmptyFolders(Path.GetDirectoryName(fullPath)!, root);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    LogTaskError(BuildErrorCodes.FileSystem, $"MeshAttributes could not delete the stale '{fullPath}': {ex.Message}");
                }
            }
        }

        /// <summary>
        /// Deletes what the previous run wrote and this one does not produce (a removed attribute, a renamed service,
        /// a moved MeshManifestsOutputPath). Runs before writing, so a file renamed only in case survives on
        /// case-insensitive file systems. Only files the stamp lists and that nobody modified since are deleted, so in a
        /// MeshManifestsOutputPath shared by several projects a build never removes another project's manifests.
        /// </summary>
        private int DeleteStale(ManifestStamp? previous, List<PlannedManifest> planned, ref string current)
        {
            if (previous == null)
            {
                return 0;
            }

            var produced = new HashSet<string>(planned.Select(m => m.FullPath), StringComparer.Ordinal);
            var emptied = new List<string>();
            int deleted = 0;
            foreach (string file in previous.Files)
            {
                current = file;
                if (!produced.Contains(file) && File.Exists(file) && OwnedOrLogged(previous, file) && ManifestFileSystem.DeleteIfExists(file))
                {
                    deleted++;
                    emptied.Add(Path.GetDirectoryName(file)!);
                    Log.LogMessage(MessageImportance.Low, "MeshAttributes: deleted {0}", file);
                }
            }

            // After the deletes, not during: a folder is only empty once all its stale files are gone.
            foreach (string folder in emptied.Distinct(StringComparer.Ordinal))
            {
                ManifestFileSystem.PruneEmptyFolders(folder, previous.OutputFolder);
            }

            return deleted;
        }

        /// <summary>
        /// Removes the temp files a killed build left in the folders this build writes or deletes from, before a stale
        /// service folder is pruned (a leftover would keep it). A build writing the same folder right now keeps its own.
        /// </summary>
        private void RemoveLeftoverTempFiles(List<PlannedManifest> planned, ManifestStamp? previous)
        {
            IEnumerable<string> files = planned.Select(m => m.FullPath).Concat(previous?.Files ?? Enumerable.Empty<string>());
            int removed = ManifestFileSystem.RemoveLeftoverTempFiles(files.Select(f => Path.GetDirectoryName(f)!));
            if (removed > 0)
            {
                Log.LogMessage(MessageImportance.Normal, "MeshAttributes: removed {0} temp file(s) an interrupted build left", removed);
            }
        }

        /// <summary>Whether the previous run's file is still this project's to delete; says so in the log when it is not.</summary>
        private bool OwnedOrLogged(ManifestStamp previous, string file)
        {
            if (previous.StillOwns(file))
            {
                return true;
            }

            Log.LogMessage(
                MessageImportance.Normal,
                "MeshAttributes: left {0} in place: it was modified after this project wrote it (by another project writing the same folder, or by hand), so it is not this project's to delete",
                file);
            return false;
        }

        private void LogTaskError(string code, string message) =>
            Log.LogError(null, code, null, null, 0, 0, 0, 0, "{0}", message);

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

        // Compared ignoring case, as paths are: on Windows and macOS a service's "Platform" folder is the platform's.
        private static bool IsPlatformFolder(string folder) => string.Equals(folder, MeshAttributeNames.PlatformFolder, StringComparison.OrdinalIgnoreCase);

        // Who a folder's files belong to, for messages: the platform, when the assembly has one, or a service.
        private static string Owner(string folder, bool hasPlatform) =>
            hasPlatform && IsPlatformFolder(folder) ? "the platform" : $"service '{folder}'";

        // What the summary counts: the services' folders, and the platform's apart ("2 services and the platform").
        private static string Outputs(List<PlannedManifest> planned, bool hasPlatform)
        {
            var folders = planned.Select(m => ManifestPath.ServiceOf(m.RelativePath)).Distinct(StringComparer.Ordinal).ToList();
            bool platform = hasPlatform && folders.Any(IsPlatformFolder);
            int services = folders.Count(f => !(hasPlatform && IsPlatformFolder(f)));
            if (!platform)
            {
                return Count(services, "service");
            }

            return services == 0 ? "the platform" : Count(services, "service") + " and the platform";
        }
    }
}
