using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MeshAttributes.Testing.Schemas;

/// <summary>
/// Formats the CRD schemas use that JSON Schema does not define. Istio reads these fields into protobuf
/// int32/int64 and Kubernetes decodes "byte" as base64, so out-of-range or undecodable values never work.
/// Formats only judge values of their own JSON type: anything else is the "type" keyword's business.
/// </summary>
internal static class SchemaFormats
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Formats.Register(new PredicateFormat("int32", node => IsIntegerWithin(node, int.MinValue, int.MaxValue)));
        Formats.Register(new PredicateFormat("int64", node => IsIntegerWithin(node, long.MinValue, long.MaxValue)));
        Formats.Register(new PredicateFormat("byte", IsBase64));
        return true;
    });

    /// <summary>Call before parsing a schema: the format keyword binds its format when read.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static bool IsIntegerWithin(JsonNode? node, decimal min, decimal max)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return true;
        }

        var element = JsonSerializer.SerializeToElement(value);
        return element.TryGetDecimal(out var number) && number >= min && number <= max;
    }

    private static bool IsBase64(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return true;
        }

        var text = value.GetValue<string>();
        return Convert.TryFromBase64String(text, new byte[text.Length], out _);
    }
}
