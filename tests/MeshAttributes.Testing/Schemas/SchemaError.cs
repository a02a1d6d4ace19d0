namespace MeshAttributes.Testing.Schemas;

/// <summary>One JSON Schema failure: where, what, and the keyword that failed (<c>type</c>, <c>enum</c>, …).</summary>
internal sealed record SchemaError(string Path, string Message, string Keyword);
