using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>What one service renders to: the files it can write and the ones refused for invalid values.</summary>
    public sealed record RenderedService(string Service, EquatableArray<ManifestFile> Files, EquatableArray<ManifestError> Errors);
}
