using System;
using System.Collections.Generic;
using System.IO;
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
            references.AddRange(AspNetCoreReferencePack().Select(path => MetadataReference.CreateFromFile(path)));
            references.Add(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location));
            return references;
        }

        /// <summary>The SDK's Microsoft.AspNetCore.App.Ref pack for net10.0, found from the running runtime.</summary>
        private static IEnumerable<string> AspNetCoreReferencePack()
        {
            // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
            string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref");
            string? refDir = Directory.Exists(packs)
                ? Directory.GetDirectories(packs)
                    .Select(v => Path.Combine(v, "ref", "net10.0"))
                    .Where(Directory.Exists)
                    .OrderByDescending(d => d, StringComparer.Ordinal)
                    .FirstOrDefault()
                : null;
            if (refDir is null)
            {
                throw new InvalidOperationException($"The ASP.NET Core reference pack (Microsoft.AspNetCore.App.Ref, net10.0) was not found under {packs}; it ships with the .NET 10 SDK.");
            }

            return Directory.GetFiles(refDir, "*.dll");
        }
    }
}
