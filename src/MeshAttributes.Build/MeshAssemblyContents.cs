using System.Collections.Generic;

namespace MeshAttributes.Build
{
    /// <summary>What the generator left in one compiled assembly, in declaration order.</summary>
    internal sealed class MeshAssemblyContents
    {
        public MeshAssemblyContents(IReadOnlyList<ManifestEntry> manifests, IReadOnlyList<ManifestErrorEntry> errors)
        {
            Manifests = manifests;
            Errors = errors;
        }

        public IReadOnlyList<ManifestEntry> Manifests { get; }

        public IReadOnlyList<ManifestErrorEntry> Errors { get; }
    }
}
