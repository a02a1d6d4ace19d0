using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// Loads another build of MeshAttributes.Generators with the MeshAttributes.Core beside it (their names clash with the
    /// copies this project references), while Roslyn and the framework come from the host, as in the compiler.
    /// </summary>
    internal sealed class ExternalAnalyzerLoadContext : AssemblyLoadContext
    {
        private readonly string _directory;

        public ExternalAnalyzerLoadContext(string assemblyPath)
            : base("MeshBenchExternalAnalyzers") => _directory = Path.GetDirectoryName(assemblyPath)!;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string? name = assemblyName.Name;
            if (name is null || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                || name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard" or "mscorlib")
            {
                return null;
            }

            string candidate = Path.Combine(_directory, name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
