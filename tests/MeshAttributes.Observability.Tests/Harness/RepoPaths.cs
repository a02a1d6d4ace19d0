using System;
using System.IO;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>Where the repository, its snapshots and the shared validation material are.</summary>
    internal static class RepoPaths
    {
        public static string Root { get; } = FindRoot();

        public static string Snapshots => Path.Combine(Root, "tests", "MeshAttributes.Observability.Tests", "Snapshots");

        /// <summary>
        /// The shared folder (schemas, seed): <c>MESH_SHARED_DIR</c>, else <c>&lt;repo root&gt;/../shared</c>; null when
        /// neither exists, so tests that need it skip instead of failing on a machine without it.
        /// </summary>
        public static string? Shared
        {
            get
            {
                string? fromEnv = Environment.GetEnvironmentVariable("MESH_SHARED_DIR");
                if (!string.IsNullOrEmpty(fromEnv))
                {
                    return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
                }

                string beside = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
                return Directory.Exists(beside) ? beside : null;
            }
        }

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MeshAttributes.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("No MeshAttributes.sln above " + AppContext.BaseDirectory);
        }
    }
}
