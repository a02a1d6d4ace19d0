using System;
using System.IO;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The shared folder is found beside the repo, and its absence turns into a precise skip message.</summary>
public sealed class SharedFolderTests
{
    [Fact]
    public void The_repo_root_is_the_folder_holding_the_solution()
    {
        var root = SharedFolder.Current.RepoRoot;

        Assert.NotNull(root);
        Assert.True(File.Exists(Path.Combine(root, "MeshAttributes.sln")));
    }

    [Fact]
    public void An_empty_folder_yields_a_message_naming_what_is_needed()
    {
        var empty = Directory.CreateTempSubdirectory("mesh-shared-");
        try
        {
            var folder = SharedFolder.At(empty.FullName);

            Assert.Null(folder.SchemasDirectory);
            Assert.False(folder.TryGetSeedDirectory(out _));
            var message = folder.MissingSchemasMessage();
            Assert.NotNull(message);
            Assert.StartsWith("needs ../shared/schemas (Istio 1.30.3 JSON schemas", message, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(empty.FullName, "schemas"), message, StringComparison.Ordinal);
            Assert.Contains("schemas/json/networking.istio.io/destinationrule_v1.json", message, StringComparison.Ordinal);
            Assert.EndsWith("set MESH_SHARED_DIR to the folder holding schemas/ and seed/", message, StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => ManifestValidator.Load(folder));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void The_shared_folder_when_present_has_schemas_and_seed()
    {
        var folder = SharedFolder.RequireSchemasAndSeed();

        Assert.Null(folder.MissingSchemasMessage());
        Assert.True(Directory.Exists(Path.Combine(folder.SeedDirectory!, "manifests")));
        Assert.Same(ManifestValidator.Load(folder), ManifestValidator.Load(folder.SchemasDirectory!));
    }
}
