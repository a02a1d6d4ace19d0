using System.Collections.Generic;
using System.Text.Json.Nodes;
using Json.Schema;
using MeshAttributes.Testing.Cel;

namespace MeshAttributes.Testing.Schemas;

/// <summary>The schema of one apiVersion + kind, with what JSON Schema validators do not check.</summary>
/// <param name="Schema">The compiled JSON schema.</param>
/// <param name="Document">The schema as JSON.</param>
/// <param name="Source">Where it came from, relative to <c>schemas/</c>.</param>
/// <param name="Crd">The CRD's name, e.g. <c>destinationrules.networking.istio.io</c>.</param>
/// <param name="SchemaRules">The CEL rules the schema carries as <c>x-kubernetes-validations</c>.</param>
/// <param name="ListTypes">Arrays marked <c>x-kubernetes-list-type</c> set or map, with their map keys.</param>
internal sealed record KindSchema(
    JsonSchema Schema,
    JsonObject Document,
    string Source,
    string Crd,
    IReadOnlyList<CelRule> SchemaRules,
    IReadOnlyList<(CelRulePath Path, string ListType, IReadOnlyList<string> Keys)> ListTypes)
{
    public static KindSchema Create(JsonObject document, string source, string crd)
    {
        var rules = new List<CelRule>();
        var listTypes = new List<(CelRulePath, string, IReadOnlyList<string>)>();
        SchemaWalker.Walk(document, (node, path) =>
        {
            if (node["x-kubernetes-validations"] is JsonArray validations)
            {
                foreach (var validation in validations)
                {
                    var rule = (string)validation!["rule"]!;
                    rules.Add(new CelRule(crd, path, rule, (string?)validation["message"] ?? $"failed rule: {rule}"));
                }
            }

            if ((string?)node["x-kubernetes-list-type"] is ("set" or "map") and var listType)
            {
                var keys = new List<string>();
                if (node["x-kubernetes-list-map-keys"] is JsonArray mapKeys)
                {
                    foreach (var key in mapKeys)
                    {
                        keys.Add((string)key!);
                    }
                }

                listTypes.Add((CelRulePath.Parse(path), listType, keys));
            }
        });

        SchemaFormats.EnsureRegistered();
        var schema = JsonSchema.FromText(document.ToJsonString());
        return new KindSchema(schema, document, source, crd, rules, listTypes);
    }
}
