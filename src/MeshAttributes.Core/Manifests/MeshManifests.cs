using System.Collections.Generic;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>Everything read from a set of manifest files: the services, ordered by namespace and name, and what could not be read.</summary>
    public sealed record MeshManifests(IReadOnlyList<MeshService> Services, IReadOnlyList<InputProblem> Problems, int FileCount);
}
