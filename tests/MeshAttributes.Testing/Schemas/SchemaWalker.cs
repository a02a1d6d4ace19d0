using System;
using System.Text.Json.Nodes;

namespace MeshAttributes.Testing.Schemas;

/// <summary>
/// Visits every sub-schema reachable through properties, items and map values, with its path written as
/// the CEL rule listing writes paths (<c>.spec.http[].timeout</c>, <c>.spec.selector.matchLabels{}</c>; <c>.</c> for the root).
/// </summary>
internal static class SchemaWalker
{
    public static void Walk(JsonObject schema, Action<JsonObject, string> visit) => Walk(schema, string.Empty, visit);

    private static void Walk(JsonObject schema, string path, Action<JsonObject, string> visit)
    {
        visit(schema, path.Length == 0 ? "." : path);
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                if (child is JsonObject childSchema)
                {
                    Walk(childSchema, path + "." + name, visit);
                }
            }
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, path + "[]", visit);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Walk(values, path + "{}", visit);
        }
    }
}
