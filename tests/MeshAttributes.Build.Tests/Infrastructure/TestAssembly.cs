using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>Compiles C# to a DLL on disk, the way the user's project would be compiled before the task reads it.</summary>
    internal static class TestAssembly
    {
        private static readonly MetadataReference[] References = BuildReferences();

        /// <summary>Compiles <paramref name="source"/> (which may use the real MeshAttributes.dll) into <paramref name="folder"/>.</summary>
        public static string Compile(string source, string folder, string name = "UserService")
        {
            CSharpCompilation compilation = CSharpCompilation.Create(
                name,
                [CSharpSyntaxTree.ParseText(source)],
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            string path = Path.Combine(folder, name + ".dll");
            using (FileStream stream = File.Create(path))
            {
                var result = compilation.Emit(stream);
                if (!result.Success)
                {
                    throw new InvalidOperationException(
                        "Test source does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                }
            }

            return path;
        }

        private static MetadataReference[] BuildReferences()
        {
            string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            return new[]
            {
                typeof(object).Assembly.Location,
                Path.Combine(runtime, "System.Runtime.dll"),
                Path.Combine(runtime, "netstandard.dll"), // MeshAttributes.dll targets netstandard2.0
                typeof(MeshManifestAttribute).Assembly.Location,
            }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();
        }
    }
}
