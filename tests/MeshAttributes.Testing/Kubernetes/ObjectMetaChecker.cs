using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MeshAttributes.Testing.Kubernetes;

/// <summary>
/// What the API server checks in <c>metadata</c> (the CRD schemas only say "object"): a DNS-1123 name and
/// namespace, string-to-string labels and annotations with valid keys and label values, no unknown fields.
/// </summary>
internal static partial class ObjectMetaChecker
{
    private static readonly HashSet<string> KnownFields =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    public static IEnumerable<(string Path, string Message)> Check(JsonObject document)
    {
        if (document["metadata"] is not JsonObject metadata)
        {
            yield return ("metadata", "Required value: metadata must be an object with a name");
            yield break;
        }

        foreach (var (field, _) in metadata)
        {
            if (!KnownFields.Contains(field))
            {
                yield return (FieldPath.Child("metadata", field), $"unknown field \"{field}\" in ObjectMeta");
            }
        }

        if (!IsString(metadata["name"], out var name))
        {
            if (!IsString(metadata["generateName"], out _))
            {
                yield return ("metadata.name", "Required value: name or generateName is required (a string)");
            }
        }
        else if (name.Length > 253 || !Dns1123Subdomain().IsMatch(name))
        {
            yield return ("metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (at most 253)");
        }

        if (metadata.TryGetPropertyValue("namespace", out var namespaceNode))
        {
            if (!IsString(namespaceNode, out var ns) || ns.Length > 63 || !Dns1123Label().IsMatch(ns))
            {
                yield return ("metadata.namespace", $"Invalid value: {JsonText.Of(namespaceNode)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (at most 63)");
            }
        }

        foreach (var problem in CheckStringMap(metadata, "labels", isLabel: true))
        {
            yield return problem;
        }

        foreach (var problem in CheckStringMap(metadata, "annotations", isLabel: false))
        {
            yield return problem;
        }
    }

    private static IEnumerable<(string, string)> CheckStringMap(JsonObject metadata, string field, bool isLabel)
    {
        if (!metadata.TryGetPropertyValue(field, out var node) || node is null)
        {
            yield break;
        }

        var path = FieldPath.Child("metadata", field);
        if (node is not JsonObject map)
        {
            yield return (path, $"Invalid value: {field} must be a map of string to string");
            yield break;
        }

        foreach (var (key, value) in map)
        {
            var keyPath = FieldPath.Key(path, key);
            if (!IsQualifiedName(key))
            {
                yield return (keyPath, $"Invalid value: \"{key}\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63), with an optional DNS subdomain prefix and '/'");
            }

            if (!IsString(value, out var text))
            {
                // The classic: grafana_dashboard: 1 is an int, and ObjectMeta only takes strings.
                yield return (keyPath, $"Invalid value: {JsonText.Of(value)}: {field} values must be strings (quote it)");
            }
            else if (isLabel && (text.Length > 63 || !LabelValue().IsMatch(text)))
            {
                yield return (keyPath, $"Invalid value: \"{text}\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (at most 63)");
            }
        }
    }

    private static bool IsQualifiedName(string key)
    {
        var slash = key.IndexOf('/', System.StringComparison.Ordinal);
        var name = slash < 0 ? key : key.Substring(slash + 1);
        if (slash >= 0)
        {
            var prefix = key.Substring(0, slash);
            if (prefix.Length == 0 || prefix.Length > 253 || !Dns1123Subdomain().IsMatch(prefix))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 63 && QualifiedNamePart().IsMatch(name);
    }

    private static bool IsString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = string.Empty;
        return false;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1123Label();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedNamePart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
