using MeshAttributes.Testing;

namespace MeshAttributes.Testing.Tests;

/// <summary>The validator over the shared schemas; skips the calling test when they are absent.</summary>
internal static class TestValidator
{
    public static ManifestValidator Get() => ManifestValidator.Load(SharedFolder.RequireSchemas());
}
