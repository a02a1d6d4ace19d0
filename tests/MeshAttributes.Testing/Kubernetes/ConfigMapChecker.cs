using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MeshAttributes.Testing.Kubernetes;

/// <summary>
/// Core <c>v1 ConfigMap</c>, which has no file under <c>schemas/json/</c>: checked here as the API server does
/// (known fields only, string data under valid keys, base64 binaryData, at most 1 MiB).
/// </summary>
internal static partial class ConfigMapChecker
{
    /// <summary>The label the Grafana sidecar looks for; its data entries ending in .json are dashboards.</summary>
    public const string DashboardLabel = "grafana_dashboard";

    private const int MaxBytes = 1024 * 1024;

    private static readonly HashSet<string> KnownFields = ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable"];

    public static IEnumerable<(string Path, string Message)> Check(JsonObject document)
    {
        foreach (var (field, _) in document)
        {
            if (!KnownFields.Contains(field))
            {
                yield return (FieldPath.Child(FieldPath.Root, field), $"unknown field \"{field}\" (a ConfigMap has apiVersion, kind, metadata, data, binaryData, immutable)");
            }
        }

        if (document["immutable"] is { } immutable && immutable.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            yield return ("immutable", $"Invalid value: {JsonText.Of(immutable)}: must be a bool");
        }

        var size = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in new[] { "data", "binaryData" })
        {
            if (!document.TryGetPropertyValue(field, out var node) || node is null)
            {
                continue;
            }

            if (node is not JsonObject map)
            {
                yield return (field, $"Invalid value: {field} must be a map of string to string");
                continue;
            }

            foreach (var (key, value) in map)
            {
                var path = FieldPath.Key(field, key);
                if (key.Length > 253 || !ConfigKey().IsMatch(key) || key is "." or "..")
                {
                    yield return (path, $"Invalid value: \"{key}\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (at most 253)");
                }

                if (!keys.Add(key))
                {
                    yield return (path, $"Invalid value: \"{key}\": duplicate of key in data and binaryData");
                }

                if (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String)
                {
                    yield return (path, $"Invalid value: {JsonText.Of(value)}: {field} values must be strings (quote it)");
                    continue;
                }

                var content = text.GetValue<string>();
                if (field == "binaryData" && !Convert.TryFromBase64String(content, new byte[content.Length], out _))
                {
                    yield return (path, "Invalid value: binaryData values must be base64");
                }

                size += key.Length + Encoding.UTF8.GetByteCount(content);
            }
        }

        if (size > MaxBytes)
        {
            yield return ("data", $"Too long: must have at most {MaxBytes} bytes (has {size})");
        }
    }

    /// <summary>The dashboards a Grafana sidecar would load from this ConfigMap.</summary>
    public static IEnumerable<(string Path, string Json)> Dashboards(JsonObject document)
    {
        if (document["metadata"]?["labels"] is not JsonObject labels || !labels.ContainsKey(DashboardLabel)
            || document["data"] is not JsonObject data)
        {
            yield break;
        }

        foreach (var (key, value) in data)
        {
            if (key.EndsWith(".json", StringComparison.Ordinal) && value is JsonValue text && text.GetValueKind() == JsonValueKind.String)
            {
                yield return (FieldPath.Key("data", key), text.GetValue<string>());
            }
        }
    }

    [GeneratedRegex("^[-._a-zA-Z0-9]+$")]
    private static partial Regex ConfigKey();
}
