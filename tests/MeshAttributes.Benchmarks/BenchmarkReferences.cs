using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// References for the synthetic compilations, all offline and the same as the generator tests use: the .NET 10
    /// reference assemblies, the SDK's ASP.NET Core reference pack and the MeshAttributes assembly. Created once, so
    /// every compilation shares the metadata as a long-lived compiler server or the IDE does.
    /// </summary>
    internal static class BenchmarkReferences
    {
        private static readonly Lazy<IReadOnlyList<MetadataReference>> LazyAll = new(Load);

        public static IReadOnlyList<MetadataReference> All => LazyAll.Value;

        private static IReadOnlyList<MetadataReference> Load()
        {
            var references = new List<MetadataReference>(Basic.Reference.Assemblies.Net100.References.All);
            references.AddRange(MeshAttributes.Testing.AspNetCoreReferencePack.Assemblies().Select(path => MetadataReference.CreateFromFile(path)));
            references.Add(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location));
            return references;
        }
    }
}
