using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace MeshAttributes.Testing.Yaml;

/// <summary>One <c>---</c> document of a YAML stream as JSON.</summary>
/// <param name="Index">1-based position in the stream, counting empty documents too.</param>
/// <param name="Line">The line the document starts on.</param>
/// <param name="Root">The document as JSON; null for an empty document.</param>
/// <param name="Problems">Scalars kubectl (YAML 1.1) would read differently, with their field paths.</param>
internal sealed record YamlDocument(int Index, long Line, JsonNode? Root, IReadOnlyList<(string Path, string Message)> Problems);
