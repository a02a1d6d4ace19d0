using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeshAttributes.Testing.Cel;

/// <summary>Turns a JSON value into the CLR shapes the Cel package evaluates (maps, lists, long, double).</summary>
internal static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => FromObject(obj),
        JsonArray array => FromArray(array),
        JsonValue value => FromValue(value),
        _ => throw new JsonException($"Unexpected JSON node {node.GetType().Name}."),
    };

    private static Dictionary<string, object?> FromObject(JsonObject obj)
    {
        var map = new Dictionary<string, object?>();
        foreach (var (key, value) in obj)
        {
            map[key] = From(value);
        }

        return map;
    }

    private static List<object?> FromArray(JsonArray array)
    {
        var list = new List<object?>(array.Count);
        foreach (var item in array)
        {
            list.Add(From(item));
        }

        return list;
    }

    private static object? FromValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.GetValue<string>();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                // Kubernetes hands CEL integers as int64 and other numbers as double.
                var element = JsonSerializer.SerializeToElement(value);
                return element.TryGetInt64(out var integer) ? integer : element.GetDouble();
            default:
                throw new JsonException($"Unexpected JSON value kind {value.GetValueKind()}.");
        }
    }
}
