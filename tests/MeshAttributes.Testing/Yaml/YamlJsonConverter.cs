using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MeshAttributes.Testing.Kubernetes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Testing.Yaml;

/// <summary>
/// Reads YAML into JSON with the YAML 1.2 core schema: plain scalars that spell null, a bool, an int or a float
/// become that; quoted and block scalars stay strings. Plain scalars that kubectl's YAML 1.1 reader
/// (sigs.k8s.io/yaml, go-yaml v2) would type differently are reported, since the cluster sees that reading.
/// </summary>
internal static partial class YamlJsonConverter
{
    private const string TagPrefix = "tag:yaml.org,2002:";

    /// <exception cref="YamlException">The text is not well-formed YAML (duplicate keys included).</exception>
    public static IReadOnlyList<YamlDocument> Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var documents = new List<YamlDocument>();
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            var root = stream.Documents[i].RootNode;
            var problems = new List<(string, string)>();
            var json = Convert(root, FieldPath.Root, problems);
            documents.Add(new YamlDocument(i + 1, root.Start.Line, json, problems));
        }

        return documents;
    }

    private static JsonNode? Convert(YamlNode node, string path, List<(string, string)> problems)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { } key })
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, "Only scalar mapping keys can be turned into JSON.");
                    }

                    if (obj.ContainsKey(key))
                    {
                        throw new YamlException(keyNode.Start, keyNode.End, $"Duplicate key '{key}'.");
                    }

                    obj[key] = Convert(valueNode, FieldPath.Child(path, key), problems);
                }

                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], FieldPath.Index(path, i), problems));
                }

                return array;
            case YamlScalarNode scalar:
                return ConvertScalar(scalar, path, problems);
            default:
                throw new YamlException(node.Start, node.End, $"Unsupported YAML node {node.NodeType}.");
        }
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar, string path, List<(string, string)> problems)
    {
        var text = scalar.Value ?? string.Empty;
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if (tag is not null)
        {
            return ConvertTagged(scalar, text, tag);
        }

        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        var value = Resolve(text);
        if (Yaml11Reading(text) is { } other)
        {
            problems.Add((path, $"plain scalar {text} is {Describe(value)} in YAML 1.2 but {other} to kubectl (YAML 1.1): quote it or write it unambiguously"));
        }

        return value;
    }

    private static JsonNode? ConvertTagged(YamlScalarNode scalar, string text, string tag)
    {
        switch (tag)
        {
            case TagPrefix + "str":
                return JsonValue.Create(text);
            case TagPrefix + "null" or TagPrefix + "bool" or TagPrefix + "int" or TagPrefix + "float":
                var value = Resolve(text);
                var kind = tag.Substring(TagPrefix.Length);
                if (Describe(value) != kind && !(kind == "float" && value is JsonValue v && v.TryGetValue<long>(out _)))
                {
                    throw new YamlException(scalar.Start, scalar.End, $"'{text}' is not a valid !!{kind}.");
                }

                return value;
            default:
                throw new YamlException(scalar.Start, scalar.End, $"Unsupported tag {tag}.");
        }
    }

    /// <summary>YAML 1.2 core schema resolution of a plain scalar.</summary>
    private static JsonNode? Resolve(string text)
    {
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (text is "true" or "True" or "TRUE")
        {
            return JsonValue.Create(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return JsonValue.Create(false);
        }

        if (DecimalInt().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                ? JsonValue.Create(integer)
                : JsonValue.Create(decimal.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (OctalInt().IsMatch(text))
        {
            return JsonValue.Create(System.Convert.ToInt64(text.Substring(2), 8));
        }

        if (HexInt().IsMatch(text))
        {
            return JsonValue.Create(long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (Float().IsMatch(text))
        {
            return JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (InfinityOrNaN().IsMatch(text))
        {
            // JSON has no infinities or NaN: the API server could not take such a value either.
            throw new YamlException($"'{text}' is a YAML float with no JSON form.");
        }

        return JsonValue.Create(text);
    }

    /// <summary>What go-yaml v2 makes of a plain scalar when that differs from YAML 1.2, else null.</summary>
    private static string? Yaml11Reading(string text)
    {
        if (text is "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON")
        {
            return "the bool true";
        }

        if (text is "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF")
        {
            return "the bool false";
        }

        if (LeadingZeroInt().IsMatch(text))
        {
            return "an octal int";
        }

        if (BinaryInt().IsMatch(text) || UnderscoredNumber().IsMatch(text))
        {
            return "a number";
        }

        return null;
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<bool>(out _) => "bool",
        JsonValue v when v.TryGetValue<string>(out _) => "str",
        JsonValue v when v.TryGetValue<double>(out _) => "float",
        _ => "int",
    };

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInt();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalInt();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexInt();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();

    [GeneratedRegex(@"^([-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex InfinityOrNaN();

    [GeneratedRegex("^[-+]?0[0-9]+$")]
    private static partial Regex LeadingZeroInt();

    [GeneratedRegex("^[-+]?0b[01_]+$")]
    private static partial Regex BinaryInt();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?$")]
    private static partial Regex UnderscoredNumber();
}
