using System;
using System.Collections.Immutable;
using System.IO;
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

        private static ImmutableArray<MetadataReference> Load()
        {
            var references = ImmutableArray.CreateBuilder<MetadataReference>();
            references.AddRange(Net100.References.All);
            references.AddRange(AspNetCoreReferencePack().Select(path => MetadataReference.CreateFromFile(path)));
            references.Add(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location));
            return references.ToImmutable();
        }

        // <dotnet root>/shared/Microsoft.NETCore.App/<v>/ → <dotnet root>/packs/Microsoft.AspNetCore.App.Ref/<newest>/ref/net10.0/
        private static string[] AspNetCoreReferencePack()
        {
            string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            string root = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
            string packs = Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref");
            string version = Directory.GetDirectories(packs)
                .Select(Path.GetFileName)
                .OrderByDescending(v => Version.TryParse(v!.Split('-')[0], out Version? parsed) ? parsed : new Version(0, 0))
                .First()!;
            string folder = Path.Combine(packs, version, "ref", "net10.0");
            return Directory.GetFiles(folder, "*.dll");
        }
    }
}
