using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using MeshAttributes.PackageTests.Infrastructure;
using Xunit;

namespace MeshAttributes.PackageTests
{
    /// <summary>
    /// What the packed assemblies need at run time is there: a dependency the compiler or MSBuild does not provide
    /// must ship beside the assembly that needs it, or the generator fails with CS8784/CS8785 and the task does not load.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageAssembliesTests
    {
        // Roslyn 4.8 loads in the .NET 8, 9 and 10 SDKs; a generator built against a newer one is refused (CS9057).
        private static readonly Version NewestRoslyn = new(4, 8, 0, 0);

        // What the compiler (and, for the code fixes, the IDE's workspace) loads before any analyzer.
        private static readonly HashSet<string> CompilerProvided = new(StringComparer.Ordinal)
        {
            "netstandard",
            "Microsoft.CodeAnalysis",
            "Microsoft.CodeAnalysis.CSharp",
            "Microsoft.CodeAnalysis.Workspaces",
            "Microsoft.CodeAnalysis.CSharp.Workspaces",
            "System.Collections.Immutable",
            "System.Composition.AttributedModel",
        };

        // What MSBuild loads before any task.
        private static readonly HashSet<string> MSBuildProvided = new(StringComparer.Ordinal)
        {
            "netstandard",
            "Microsoft.Build.Framework",
            "Microsoft.Build.Utilities.Core",
            "System.Collections.Immutable",
            "System.Reflection.Metadata",
        };

        private readonly PackageFixture fixture;

        public PackageAssembliesTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Attributes_assembly_depends_on_netstandard_alone()
        {
            using ZipArchive package = ZipFile.OpenRead(fixture.Nupkg);

            Assert.Equal(["netstandard"], References(package.GetEntry("lib/netstandard2.0/MeshAttributes.dll")!).Select(r => r.Name));
        }

        [Fact]
        public void Every_shipped_assembly_carries_the_package_version()
        {
            using ZipArchive package = ZipFile.OpenRead(fixture.Nupkg);
            var ours = package.Entries.Where(e => e.Name.StartsWith("MeshAttributes", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
            Assert.NotEmpty(ours);

            // A plain `dotnet pack` names the package with the package project's $(Version); the assemblies inside must carry it
            // (major.minor.patch.0), not the SDK's default 1.0.0.0 — so the version belongs in Directory.Build.props.
            Testing.DotnetRun evaluated = DotnetCli.Run(RepoPaths.Root, nugetPackages: null, "msbuild", RepoPaths.PackageProject, "-getProperty:Version", "-nologo");
            Assert.True(evaluated.Succeeded, evaluated.ToString());
            string packageVersion = evaluated.Output.Trim();
            var expected = new Version(packageVersion.Split('-')[0] + ".0");
            foreach (ZipArchiveEntry entry in ours)
            {
                using var stream = new MemoryStream();
                using (Stream zipped = entry.Open())
                {
                    zipped.CopyTo(stream);
                }

                stream.Position = 0;
                using var reader = new PEReader(stream);
                Assert.True(expected == reader.GetMetadataReader().GetAssemblyDefinition().Version, $"{entry.FullName} has assembly version {reader.GetMetadataReader().GetAssemblyDefinition().Version}, but the package project's version is {packageVersion}: set <Version> in Directory.Build.props");
            }
        }

        [Fact]
        public void Analyzer_assemblies_need_only_each_other_and_what_the_compiler_provides_at_Roslyn_4_8()
        {
            using ZipArchive package = ZipFile.OpenRead(fixture.Nupkg);
            ZipArchiveEntry[] analyzers = package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal)).ToArray();
            var shipped = new HashSet<string>(analyzers.Select(e => Path.GetFileNameWithoutExtension(e.Name)), StringComparer.Ordinal);

            foreach (ZipArchiveEntry analyzer in analyzers)
            {
                foreach ((string name, Version version) in References(analyzer))
                {
                    Assert.True(
                        shipped.Contains(name) || CompilerProvided.Contains(name),
                        $"{analyzer.FullName} needs {name} {version}, which neither ships beside it nor comes with the compiler.");
                    if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                    {
                        Assert.True(version <= NewestRoslyn, $"{analyzer.FullName} is built against {name} {version}; SDKs older than it refuse it (CS9057).");
                    }
                }
            }
        }

        [Fact]
        public void Task_assembly_needs_only_what_MSBuild_provides()
        {
            using ZipArchive package = ZipFile.OpenRead(fixture.Nupkg);
            ZipArchiveEntry task = package.GetEntry("tasks/netstandard2.0/MeshAttributes.Build.dll")!;

            foreach ((string name, Version version) in References(task))
            {
                Assert.True(MSBuildProvided.Contains(name), $"{task.FullName} needs {name} {version}, which MSBuild does not provide.");
            }
        }

        private static List<(string Name, Version Version)> References(ZipArchiveEntry entry)
        {
            using var bytes = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(bytes);
            }

            bytes.Position = 0;
            using var pe = new PEReader(bytes);
            MetadataReader metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Select(reference => (metadata.GetString(reference.Name), reference.Version))
                .ToList();
        }
    }
}
