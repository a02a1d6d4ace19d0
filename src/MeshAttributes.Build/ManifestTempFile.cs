using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace MeshAttributes.Build
{
    /// <summary>
    /// The hidden temp file a manifest is written to before it is renamed over the real one, and the removal of those a
    /// killed build left behind.
    /// </summary>
    /// <remarks>
    /// The name is <c>.&lt;file&gt;.&lt;process id&gt;.&lt;12 hex digits&gt;.meshtmp</c>: the id of the process that writes
    /// it tells a later build whether its writer can still rename it. A temp file is a leftover, and removed, when no
    /// process with that id runs on this machine, or when it was last written more than <see cref="SafeAge"/> ago (its
    /// writer may be gone and the id reused: no write keeps a temp file for longer than the moment one manifest takes).
    /// A build running at the same moment in the same folder is a live process, so its temp file stays.
    /// </remarks>
    internal static class ManifestTempFile
    {
        /// <summary>The ending every temp file has, and that no manifest has.</summary>
        public const string Extension = ".meshtmp";

        /// <summary>Older than this, a temp file is a leftover whatever process now has its id.</summary>
        public static readonly TimeSpan SafeAge = TimeSpan.FromHours(1);

        private static readonly Regex Pattern = new(
            @"^\..+\.(?<pid>[0-9]{1,10})\.[0-9a-f]{12}\.meshtmp$",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

        private static readonly int CurrentProcessId = GetCurrentProcessId();

        /// <summary>A fresh temp file name beside <paramref name="path"/>, owned by this process.</summary>
        public static string For(string path) =>
            Path.Combine(
                Path.GetDirectoryName(path)!,
                "." + Path.GetFileName(path) + "." + CurrentProcessId.ToString(CultureInfo.InvariantCulture) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + Extension);

        /// <summary>
        /// Deletes the leftover temp files in <paramref name="folder"/> (not its subfolders) and returns their paths;
        /// any other file, a temp file of another name included, is left alone.
        /// </summary>
        public static List<string> RemoveLeftovers(string folder, DateTime nowUtc, Func<int, bool> isRunning)
        {
            var removed = new List<string>();
            if (!Directory.Exists(folder))
            {
                return removed;
            }

            foreach (string file in Directory.GetFiles(folder, "*" + Extension))
            {
                Match match = Pattern.Match(Path.GetFileName(file));
                if (!match.Success || !int.TryParse(match.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
                {
                    continue;
                }

                if (!isRunning(pid) || nowUtc - File.GetLastWriteTimeUtc(file) > SafeAge)
                {
                    // Another build may have removed it a moment ago; File.Delete does not mind.
                    File.Delete(file);
                    removed.Add(file);
                }
            }

            return removed;
        }

        /// <summary>Whether a process with this id runs on this machine; when that cannot be told, it is taken to run.</summary>
        public static bool IsRunning(int pid)
        {
            try
            {
                using (Process.GetProcessById(pid))
                {
                    return true;
                }
            }
            catch (ArgumentException)
            {
                return false; // no such process
            }
            catch (InvalidOperationException)
            {
                return false; // it exited while being looked up
            }
        }

        private static int GetCurrentProcessId()
        {
            using (Process current = Process.GetCurrentProcess())
            {
                return current.Id;
            }
        }
    }
}
