using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.Tests.Infrastructure
{
    /// <summary>
    /// References for test compilations, all offline: the .NET 10 reference assemblies, the ASP.NET Core
    /// reference pack that ships with the SDK, and the MeshAttributes assembly.
    /// </summary>
    internal static class TestReferences
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
