using System.Text.Json.Nodes;
using Json.Pointer;

namespace MeshAttributes.Testing.Kubernetes;

/// <summary>Field paths written as the API server writes them: <c>spec.http[0].timeout</c>, <c>metadata.labels[app]</c>.</summary>
internal static class FieldPath
{
    public const string Root = "";

    public static string Child(string parent, string name) =>
        IsPlainName(name) ? (parent.Length == 0 ? name : parent + "." + name) : Key(parent, name);

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static string Key(string parent, string key) => $"{parent}[{key}]";

    /// <summary>Translates a JSON Pointer into a field path, looking at the document to tell items from fields.</summary>
    public static string FromPointer(JsonPointer pointer, JsonNode? document)
    {
        var path = Root;
        var node = document;
        foreach (var segment in pointer)
        {
            if (node is JsonArray array && int.TryParse(segment, out var index))
            {
                path = Index(path, index);
                node = index >= 0 && index < array.Count ? array[index] : null;
            }
            else
            {
                path = Child(path, segment);
                node = node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null;
            }
        }

        return path.Length == 0 ? "(root)" : path;
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '$'))
            {
                return false;
            }
        }

        return true;
    }
}
