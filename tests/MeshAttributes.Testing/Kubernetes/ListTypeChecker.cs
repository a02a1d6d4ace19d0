using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Cel;

namespace MeshAttributes.Testing.Kubernetes;

/// <summary>
/// <c>x-kubernetes-list-type</c>: the API server refuses duplicate items in a <c>set</c> and duplicate keys in a
/// <c>map</c> list (e.g. two PrometheusRule groups with one name). JSON Schema validators do not check it.
/// </summary>
internal static class ListTypeChecker
{
    public static IEnumerable<(string Path, string Message)> Check(JsonNode root, CelRulePath path, string listType, IReadOnlyList<string> keys)
    {
        foreach (var (value, fieldPath) in path.Select(root))
        {
            if (value is not JsonArray array)
            {
                continue;
            }

            var seen = new Dictionary<string, int>();
            for (var i = 0; i < array.Count; i++)
            {
                var identity = listType == "map" ? MapKey(array[i], keys) : JsonText.Of(array[i]);
                if (identity is null)
                {
                    continue;
                }

                if (seen.TryGetValue(identity, out var first))
                {
                    yield return (FieldPath.Index(fieldPath, i), $"Duplicate value: {identity} (same as item {first}; x-kubernetes-list-type: {listType})");
                }
                else
                {
                    seen.Add(identity, i);
                }
            }
        }
    }

    private static string? MapKey(JsonNode? item, IReadOnlyList<string> keys) =>
        item is JsonObject obj
            ? "{" + string.Join(", ", keys.Select(k => $"\"{k}\": {JsonText.Of(obj[k])}")) + "}"
            : null;
}
