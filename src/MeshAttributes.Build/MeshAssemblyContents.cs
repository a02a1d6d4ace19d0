using System.Collections.Generic;

namespace MeshAttributes.Build
{
    /// <summary>What the generator left in one compiled assembly, in declaration order.</summary>
    internal sealed class MeshAssemblyContents
    {
        public MeshAssemblyContents(IReadOnlyList<ManifestEntry> manifests, IReadOnlyList<ManifestErrorEntry> errors, bool hasPlatform = false)
        {
            Manifests = manifests;
            Errors = errors;
            HasPlatform = hasPlatform;
        }

        public IReadOnlyList<ManifestEntry> Manifests { get; }

        public IReadOnlyList<ManifestErrorEntry> Errors { get; }

        /// <summary>Whether the assembly carries <c>[assembly: MeshPlatform]</c>: its <c>platform/</c> folder is then the platform's.</summary>
        public bool HasPlatform { get; }
    }
}
