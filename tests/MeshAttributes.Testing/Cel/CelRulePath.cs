using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Kubernetes;

namespace MeshAttributes.Testing.Cel;

/// <summary>
/// A rule path such as <c>.spec.subsets[].trafficPolicy.outlierDetection.interval</c> or
/// <c>.spec.workloadSelector.matchLabels{}</c>: fields, <c>[]</c> (every item) and <c>{}</c> (every map value).
/// </summary>
internal sealed class CelRulePath
{
    private enum Step { Field, EveryItem, EveryValue }

    private readonly IReadOnlyList<(Step Step, string Name)> steps;

    private CelRulePath(string text, IReadOnlyList<(Step, string)> steps)
    {
        Text = text;
        this.steps = steps;
    }

    public string Text { get; }

    public static CelRulePath Parse(string text)
    {
        if (!text.StartsWith('.'))
        {
            throw new FormatException($"CEL rule path '{text}' must start with '.'.");
        }

        var steps = new List<(Step, string)>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[' && text[i] != '{')
                {
                    i++;
                }

                if (i > start)
                {
                    steps.Add((Step.Field, text.Substring(start, i - start)));
                }
                else if (text.Length != 1)
                {
                    throw new FormatException($"CEL rule path '{text}' has an empty field name.");
                }
            }
            else if (string.CompareOrdinal(text, i, "[]", 0, 2) == 0)
            {
                steps.Add((Step.EveryItem, "[]"));
                i += 2;
            }
            else if (string.CompareOrdinal(text, i, "{}", 0, 2) == 0)
            {
                steps.Add((Step.EveryValue, "{}"));
                i += 2;
            }
            else
            {
                throw new FormatException($"CEL rule path '{text}' is not made of .field, [] and {{}} steps.");
            }
        }

        return new CelRulePath(text, steps);
    }

    /// <summary>Every value present at this path, with its field path. Nulls are skipped: the API server prunes them.</summary>
    public IEnumerable<(JsonNode Value, string FieldPath)> Select(JsonNode root)
    {
        IEnumerable<(JsonNode, string)> current = [(root, FieldPath.Root)];
        foreach (var (step, name) in steps)
        {
            current = Next(current, step, name);
        }

        return current;
    }

    private static IEnumerable<(JsonNode, string)> Next(IEnumerable<(JsonNode, string)> nodes, Step step, string name)
    {
        foreach (var (node, path) in nodes)
        {
            switch (step)
            {
                case Step.Field when node is JsonObject obj && obj.TryGetPropertyValue(name, out var child) && child is not null:
                    yield return (child, FieldPath.Child(path, name));
                    break;
                case Step.EveryItem when node is JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is { } item)
                        {
                            yield return (item, FieldPath.Index(path, i));
                        }
                    }

                    break;
                case Step.EveryValue when node is JsonObject map:
                    foreach (var (key, value) in map)
                    {
                        if (value is not null)
                        {
                            yield return (value, FieldPath.Key(path, key));
                        }
                    }

                    break;
            }
        }
    }

    public override string ToString() => Text;
}
