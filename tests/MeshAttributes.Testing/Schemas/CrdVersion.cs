using System.Text.Json.Nodes;

namespace MeshAttributes.Testing.Schemas;

/// <summary>One version of a CRD: its name, whether the API server serves it and its OpenAPI schema.</summary>
internal sealed record CrdVersion(string Name, bool Served, JsonObject? OpenApiV3Schema);
