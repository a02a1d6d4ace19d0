using System;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>
    /// Offline references: .NET 10 reference assemblies from Basic.Reference.Assemblies, ASP.NET Core's reference pack from
    /// the SDK this test runs on, and the attributes assembly.
    /// </summary>
    internal static class TestReferences
    {
        public static readonly ReferenceAssemblies None = new("net10.0");

        public static readonly ImmutableArray<MetadataReference> All = Load();

        /// <summary>Whether a reference is the attributes assembly (MeshAttributes.dll).</summary>
        public static bool IsAttributesAssembly(MetadataReference reference) =>
            reference is PortableExecutableReference { FilePath: { } path } && path == typeof(MeshServiceAttribute).Assembly.Location;

        private static ImmutableArray<MetadataReference> Load()
        {
            var references = ImmutableArray.CreateBuilder<MetadataReference>();
            references.AddRange(Net100.References.All);
            references.AddRange(MeshAttributes.Testing.AspNetCoreReferencePack.Assemblies().Select(path => MetadataReference.CreateFromFile(path)));
            references.Add(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location));
            return references.ToImmutable();
        }
    }
}
