using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace MeshAttributes.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Golden files in <c>Snapshots/</c>: <c>&lt;Test&gt;.&lt;file&gt;.verified.&lt;ext&gt;</c>. A mismatch writes
    /// <c>.received.</c> beside it and fails; set <c>MESH_ACCEPT_SNAPSHOTS=1</c> to accept the new output.
    /// </summary>
    internal static class Snapshot
    {
        /// <summary>
        /// The source folder of the golden files, recorded by the build. <c>[CallerFilePath]</c> cannot serve:
        /// a CI build (<c>ContinuousIntegrationBuild</c>) maps source paths to <c>/_/</c>.
        /// </summary>
        public static string Directory { get; } =
            typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SnapshotsDirectory").Value!;

        /// <summary>Matches every manifest of a run, each against its own golden file.</summary>
        public static void MatchAll(IReadOnlyDictionary<string, string> manifests, [CallerMemberName] string test = "")
        {
            Assert.NotEmpty(manifests);
            foreach (var manifest in manifests)
            {
                Match(manifest.Value, manifest.Key, test);
            }
        }

        public static void Match(string actual, string name, [CallerMemberName] string test = "")
        {
            string directory = Directory;
            string ext = Path.GetExtension(name);
            string stem = $"{test}.{name.Substring(0, name.Length - ext.Length).Replace('/', '.')}";
            string verified = Path.Combine(directory, $"{stem}.verified{ext}");
            string received = Path.Combine(directory, $"{stem}.received{ext}");
            bool accept = Environment.GetEnvironmentVariable("MESH_ACCEPT_SNAPSHOTS") == "1";

            if (File.Exists(verified) && File.ReadAllText(verified) == actual)
            {
                File.Delete(received);
                return;
            }

            if (accept)
            {
                System.IO.Directory.CreateDirectory(directory);
                File.WriteAllText(verified, actual);
                File.Delete(received);
                return;
            }

            System.IO.Directory.CreateDirectory(directory);
            File.WriteAllText(received, actual);
            Assert.Fail(File.Exists(verified)
                ? $"Snapshot {verified} differs; the new output is in {received}. Set MESH_ACCEPT_SNAPSHOTS=1 to accept it."
                : $"No snapshot {verified} yet; the output is in {received}. Set MESH_ACCEPT_SNAPSHOTS=1 to accept it.");
        }
    }
}
