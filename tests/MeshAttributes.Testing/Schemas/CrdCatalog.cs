using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Yaml;

namespace MeshAttributes.Testing.Schemas;

/// <summary>Every CustomResourceDefinition in the YAML files under <c>schemas/</c> (Istio, its operator, prometheus-operator).</summary>
internal sealed class CrdCatalog
{
    private CrdCatalog(IReadOnlyList<CrdDefinition> definitions) => Definitions = definitions;

    public IReadOnlyList<CrdDefinition> Definitions { get; }

    public static CrdCatalog Load(string schemasDirectory)
    {
        var definitions = new List<CrdDefinition>();
        var files = Directory.EnumerateFiles(schemasDirectory, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(schemasDirectory, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var document in YamlJsonConverter.Read(File.ReadAllText(file)))
            {
                if (document.Root is JsonObject crd && (string?)crd["kind"] == "CustomResourceDefinition")
                {
                    definitions.Add(ToDefinition(crd, Path.GetRelativePath(schemasDirectory, file)));
                }
            }
        }

        return new CrdCatalog(definitions);
    }

    public CrdDefinition? Find(string group, string kind) =>
        Definitions.FirstOrDefault(d => d.Group == group && d.Kind == kind);

    public CrdDefinition? FindByName(string name) => Definitions.FirstOrDefault(d => d.Name == name);

    private static CrdDefinition ToDefinition(JsonObject crd, string file)
    {
        var spec = crd["spec"]!.AsObject();
        var versions = spec["versions"]!.AsArray().Select(v => new CrdVersion(
            (string)v!["name"]!,
            (bool?)v["served"] ?? true,
            v["schema"]?["openAPIV3Schema"] as JsonObject)).ToArray();
        return new CrdDefinition((string)crd["metadata"]!["name"]!, (string)spec["group"]!, (string)spec["names"]!["kind"]!, file, versions);
    }
}
