using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>Paths in the checkout the tests were built from (baked in by the test project file).</summary>
    internal static class RepoPaths
    {
        public static readonly string Root = Metadata("MeshRepoRoot");

        /// <summary>The configuration the tests were built in; the task is used from the same one.</summary>
        public static readonly string Configuration = Metadata("Configuration");

        public static string PropsFile => Path.Combine(Root, "build", "MeshAttributes.props");

        public static string TargetsFile => Path.Combine(Root, "build", "MeshAttributes.targets");

        public static string AttributesProject => Path.Combine(Root, "src", "MeshAttributes", "MeshAttributes.csproj");

        public static string GeneratorProject => Path.Combine(Root, "src", "MeshAttributes.Generators", "MeshAttributes.Generators.csproj");

        public static string CoreProject => Path.Combine(Root, "src", "MeshAttributes.Core", "MeshAttributes.Core.csproj");

        public static string TaskProject => Path.Combine(Root, "src", "MeshAttributes.Build", "MeshAttributes.Build.csproj");

        public static string TaskAssembly =>
            Path.Combine(Root, "src", "MeshAttributes.Build", "bin", Configuration, "netstandard2.0", "MeshAttributes.Build.dll");

        private static string Metadata(string key) =>
            typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
            ?? throw new InvalidOperationException($"The test assembly has no {key} metadata.");
    }
}
