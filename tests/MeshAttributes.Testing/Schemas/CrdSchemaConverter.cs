using System.Linq;
using System.Text.Json.Nodes;

namespace MeshAttributes.Testing.Schemas;

/// <summary>
/// The C# twin of <c>schemas/crd2jsonschema.py</c>, for CRDs that have no file under <c>schemas/json/</c>
/// (e.g. IstioOperator): strict objects, int-or-string and nullable mapped to JSON Schema. One difference:
/// a root that preserves unknown fields stays open (the script would close it and refuse every spec).
/// </summary>
internal static class CrdSchemaConverter
{
    public static JsonObject ToJsonSchema(JsonObject openApiV3Schema, string group, string version, string kind)
    {
        var schema = (JsonObject)Strict(openApiV3Schema)!;
        var properties = schema["properties"] as JsonObject ?? new JsonObject();
        schema["properties"] = properties;
        properties["apiVersion"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray($"{group}/{version}") };
        properties["kind"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(kind) };
        properties["metadata"] = new JsonObject { ["type"] = "object" };
        var required = (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? [];
        schema["required"] = new JsonArray(required.Union(["apiVersion", "kind", "metadata"]).Order().Select(r => (JsonNode)r).ToArray());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        if (schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() != true)
        {
            schema["additionalProperties"] = false;
        }

        return schema;
    }

    private static JsonNode? Strict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    result[key] = Strict(value);
                }

                if (IsTrue(result["x-kubernetes-int-or-string"]))
                {
                    result.Remove("type");
                    if (!result.ContainsKey("anyOf") && !result.ContainsKey("oneOf"))
                    {
                        result["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
                    }
                }

                if (IsTrue(result["nullable"]) && result["type"] is JsonValue type && type.TryGetValue<string>(out var single))
                {
                    result["type"] = new JsonArray(single, "null");
                }

                var isObject = result["type"] is JsonValue t && t.TryGetValue<string>(out var name) && name == "object"
                    || result["type"] is JsonArray types && types.Count == 2 && (string?)types[0] == "object" && (string?)types[1] == "null";
                if (isObject && result.ContainsKey("properties") && !result.ContainsKey("additionalProperties")
                    && !IsTrue(result["x-kubernetes-preserve-unknown-fields"]))
                {
                    result["additionalProperties"] = false;
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Strict).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b) && b;
}
