using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>Paths in the checkout the tests were built from (baked in by the test project file).</summary>
    internal static class RepoPaths
    {
        public static readonly string Root = Metadata("MeshRepoRoot");

        /// <summary>The configuration the tests, and so the projects the package is made of, were built in.</summary>
        public static readonly string Configuration = Metadata("Configuration");

        /// <summary>The repository's <c>$(Version)</c> (Directory.Build.props), which the package and its assemblies carry.</summary>
        public static readonly string Version = Metadata("Version");

        public static string PackageProject => Path.Combine(Root, "src", "MeshAttributes.Package", "MeshAttributes.Package.csproj");

        private static string Metadata(string key) =>
            typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
    }
}
