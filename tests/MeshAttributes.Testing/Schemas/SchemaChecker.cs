using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;
using MeshAttributes.Testing.Kubernetes;

namespace MeshAttributes.Testing.Schemas;

/// <summary>Runs JSON Schema (draft-07, as the files declare) and lists every failure with its field path.</summary>
internal static class SchemaChecker
{
    // One options instance: JsonSchema.Net 7.4.0 rebuilds a schema's cached constraints whenever the options
    // change, and concurrent evaluations of one schema can then report random errors (json-everything#929).
    private static readonly EvaluationOptions Options = new()
    {
        // Hierarchical output keeps the tree: failures inside an anyOf/oneOf that passed are not failures.
        OutputFormat = OutputFormat.Hierarchical,
        EvaluateAs = SpecVersion.Draft7,
        // Formats are annotations unless asked for; Kubernetes does check date-time, byte and friends.
        RequireFormatValidation = true,
    };

    // The options (and their schema registry) are shared, so evaluations take turns; each takes milliseconds.
    private static readonly object Gate = new();

    /// <param name="schema">The compiled schema.</param>
    /// <param name="document">The same schema as JSON, to quote what an enum or pattern wanted.</param>
    /// <param name="instance">The value to check.</param>
    public static IReadOnlyList<SchemaError> Check(JsonSchema schema, JsonNode document, JsonNode? instance)
    {
        EvaluationResults results;
        lock (Gate)
        {
            results = schema.Evaluate(instance, Options);
        }

        return results.IsValid ? [] : Collect(results, document, instance).Distinct().ToArray();
    }

    private static List<SchemaError> Collect(EvaluationResults node, JsonNode document, JsonNode? instance)
    {
        var errors = new List<SchemaError>();
        if (node.IsValid)
        {
            return errors;
        }

        var branches = new Dictionary<string, List<List<SchemaError>>>();
        foreach (var child in node.Details)
        {
            var path = child.EvaluationPath;
            if (path.Count >= 2 && path[^2] is "anyOf" or "oneOf" && int.TryParse(path[^1], out _))
            {
                if (!branches.TryGetValue(path[^2], out var list))
                {
                    branches[path[^2]] = list = [];
                }

                list.Add(Collect(child, document, instance));
            }
            else
            {
                errors.AddRange(Collect(child, document, instance));
            }
        }

        foreach (var (keyword, alternatives) in branches)
        {
            // When no alternative fits, the closest ones (fewest failures) explain best what was meant.
            var failing = alternatives.Where(a => a.Count > 0).ToArray();
            if (failing.Length == alternatives.Count && failing.Length > 0)
            {
                var fewest = failing.Min(a => a.Count);
                errors.AddRange(failing.Where(a => a.Count == fewest).SelectMany(a => a));
            }
            else if (node.Errors?.TryGetValue(keyword, out var message) == true)
            {
                // oneOf matched more than one alternative: only the keyword itself can say so.
                errors.Add(new SchemaError(FieldPath.FromPointer(node.InstanceLocation, instance), message, keyword));
            }
        }

        if (node.Errors is not null)
        {
            foreach (var (keyword, message) in node.Errors.Where(e => !branches.ContainsKey(e.Key)))
            {
                errors.Add(Describe(node, document, instance, keyword, message));
            }
        }

        return errors;
    }

    private static SchemaError Describe(EvaluationResults node, JsonNode document, JsonNode? instance, string keyword, string message)
    {
        var path = FieldPath.FromPointer(node.InstanceLocation, instance);

        // additionalProperties: false fails the unknown property itself against the "false" schema.
        var evaluationPath = node.EvaluationPath;
        if (evaluationPath.Count > 0 && evaluationPath[^1] == "additionalProperties" && node.InstanceLocation.Count > 0)
        {
            return new SchemaError(path, $"unknown field \"{node.InstanceLocation[^1]}\" (the schema allows no other fields here)", "additionalProperties");
        }

        if (keyword is "enum" or "pattern" or "format" or "const" or "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum"
            or "minLength" or "maxLength")
        {
            var value = node.InstanceLocation.TryEvaluate(instance, out var found) ? JsonText.Of(found) : "?";
            var wanted = Wanted(document, node.SchemaLocation, keyword);
            message = $"Invalid value: {value}: {message}{(wanted is null ? string.Empty : $" ({keyword}: {wanted})")}";
        }

        return new SchemaError(path, message, keyword.Length == 0 ? "schema" : keyword);
    }

    // The keyword's value in the subschema the evaluation reached (its location's fragment points into the document).
    private static string? Wanted(JsonNode document, System.Uri schemaLocation, string keyword)
    {
        var fragment = System.Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'));
        if (!JsonPointer.TryParse(fragment, out var pointer) || !pointer.TryEvaluate(document, out var subschema))
        {
            return null;
        }

        return subschema?[keyword] switch
        {
            JsonArray values => string.Join(", ", values.Select(v => JsonText.Of(v))),
            JsonNode value => JsonText.Of(value),
            null => null,
        };
    }
}
