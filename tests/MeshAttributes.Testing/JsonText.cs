using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshAttributes.Testing;

/// <summary>JSON as people read it in messages: no \u002B for '+' or \u0022 for quotes in patterns.</summary>
internal static class JsonText
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";
}
