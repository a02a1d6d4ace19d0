using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using MeshAttributes.PackageTests.Infrastructure;
using Xunit;

namespace MeshAttributes.PackageTests
{
    /// <summary>What `dotnet pack` puts into the package: a packaging regression fails here, not in a user's build.</summary>
    [Collection(PackageCollection.Name)]
    public sealed partial class PackageLayoutTests
    {
        private readonly PackageFixture fixture;

        public PackageLayoutTests(PackageFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Package_holds_exactly_the_attributes_analyzers_build_logic_task_readme_and_license()
        {
            string[] expected =
            [
                "LICENSE",
                "README.md",
                "analyzers/dotnet/cs/MeshAttributes.CodeFixes.dll",
                "analyzers/dotnet/cs/MeshAttributes.Core.dll",
                "analyzers/dotnet/cs/MeshAttributes.Generators.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                "build/MeshAttributes.props",
                "build/MeshAttributes.targets",
                "buildTransitive/MeshAttributes.props",
                "buildTransitive/MeshAttributes.targets",
                "lib/netstandard2.0/MeshAttributes.dll",
                "lib/netstandard2.0/MeshAttributes.xml",
                "tasks/netstandard2.0/MeshAttributes.Build.dll",
            ];

            using ZipArchive package = ZipFile.OpenRead(fixture.Nupkg);
            string[] actual = package.Entries
                .Select(e => e.FullName)
                .Where(name => !PackageMetadataEntry().IsMatch(name))
                .Order(StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Nuspec_names_the_package_its_license_and_readme_and_depends_on_nothing()
        {
            using ZipArchive package = ZipFile.OpenRead(fixture.Nupkg);
            XElement metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");

            Assert.Equal(PackageFixture.PackageId, Value(metadata, "id"));
            Assert.Equal(fixture.Version, Value(metadata, "version"));
            Assert.Equal("MeshAttributes contributors", Value(metadata, "authors"));
            Assert.Equal("README.md", Value(metadata, "readme"));
            XElement license = Element(metadata, "license");
            Assert.Equal(("file", "LICENSE"), ((string?)license.Attribute("type"), license.Value));
            Assert.Contains("MIT License", ReadText(package, "LICENSE"), StringComparison.Ordinal);

            // A normal dependency: the attributes assembly must flow to the app and its referencing projects (README).
            Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "developmentDependency"));

            // Everything ships inside this one package; the compiler and MSBuild provide the rest.
            XElement group = Element(Element(metadata, "dependencies"), "group");
            Assert.Equal(".NETStandard2.0", (string?)group.Attribute("targetFramework"));
            Assert.Empty(group.Elements());
        }

        [Fact]
        public void Packing_the_same_inputs_again_gives_the_same_bytes()
        {
            // Zip times have a 2-second resolution: make sure a pack that stamped the time of packing would differ.
            TimeSpan sinceFirst = DateTime.UtcNow - fixture.PackedAtUtc;
            if (sinceFirst < TimeSpan.FromSeconds(3))
            {
                Thread.Sleep(TimeSpan.FromSeconds(3) - sinceFirst);
            }

            string again = fixture.Pack(fixture.NewPath("feed-again"));

            Assert.Equal(File.ReadAllBytes(fixture.Nupkg), File.ReadAllBytes(again));
            using ZipArchive package = ZipFile.OpenRead(again);
            Assert.Single(package.Entries.Select(e => e.LastWriteTime).Distinct());
        }

        private static XDocument Nuspec(ZipArchive package)
        {
            ZipArchiveEntry entry = package.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using Stream stream = entry.Open();
            return XDocument.Load(stream);
        }

        private static string ReadText(ZipArchive package, string name)
        {
            using var reader = new StreamReader(package.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        private static XElement Element(XElement parent, string localName) =>
            parent.Elements().SingleOrDefault(e => e.Name.LocalName == localName)
            ?? throw new InvalidOperationException($"<{parent.Name.LocalName}> has no <{localName}>:\n{parent}");

        private static string Value(XElement parent, string localName) => Element(parent, localName).Value;

        // OPC bookkeeping NuGet adds to every package, and the nuspec (checked on its own above).
        [GeneratedRegex(@"^(_rels/[^/]*\.rels|\[Content_Types\]\.xml|package/services/metadata/core-properties/[^/]+\.psmdcp|[^/]+\.nuspec)$")]
        private static partial Regex PackageMetadataEntry();
    }
}
