using System.Collections.Generic;

namespace MeshAttributes.Testing.Schemas;

/// <summary>A CustomResourceDefinition read from a file under <c>schemas/</c>.</summary>
/// <param name="Name">e.g. <c>destinationrules.networking.istio.io</c>.</param>
internal sealed record CrdDefinition(string Name, string Group, string Kind, string File, IReadOnlyList<CrdVersion> Versions);
