using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MeshAttributes.Testing.Schemas;

/// <summary>
/// Finds the schema of an apiVersion + kind: <c>schemas/json/&lt;group&gt;/&lt;kind&gt;_&lt;version&gt;.json</c> first
/// (kubeconform layout), else a CRD under <c>schemas/</c> converted as crd2jsonschema.py does. Loads lazily, caches.
/// </summary>
internal sealed partial class SchemaCatalog
{
    private readonly string schemasDirectory;
    private readonly Lazy<CrdCatalog> crds;
    private readonly ConcurrentDictionary<(string Group, string Version, string Kind), Lazy<(KindSchema? Schema, string? WhyNot)>> cache = new();

    public SchemaCatalog(string schemasDirectory)
    {
        this.schemasDirectory = schemasDirectory;
        crds = new Lazy<CrdCatalog>(() => CrdCatalog.Load(schemasDirectory));
    }

    public CrdCatalog Crds => crds.Value;

    public bool TryGet(string group, string version, string kind, [NotNullWhen(true)] out KindSchema? schema, [NotNullWhen(false)] out string? whyNot)
    {
        var entry = cache.GetOrAdd((group, version, kind), key => new Lazy<(KindSchema?, string?)>(() => Load(key.Group, key.Version, key.Kind)));
        (schema, whyNot) = entry.Value;
        return schema is not null;
    }

    private (KindSchema?, string?) Load(string group, string version, string kind)
    {
        var apiVersion = group.Length == 0 ? version : $"{group}/{version}";
        if (!SafeName().IsMatch(group.Length == 0 ? "core" : group) || !SafeName().IsMatch(version) || !SafeName().IsMatch(kind))
        {
            return (null, $"apiVersion '{apiVersion}' / kind '{kind}' is not a Kubernetes group, version and kind");
        }

        var crd = group.Length == 0 ? null : Crds.Find(group, kind);
        var relative = Path.Combine("json", group, $"{kind.ToLowerInvariant()}_{version}.json");
        var file = Path.Combine(schemasDirectory, relative);
        if (File.Exists(file))
        {
            var document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            return (KindSchema.Create(document, relative.Replace('\\', '/'), crd?.Name ?? $"{kind.ToLowerInvariant()}.{group}"), null);
        }

        if (crd?.Versions.FirstOrDefault(v => v.Name == version && v.Served && v.OpenApiV3Schema is not null) is { } served)
        {
            var document = CrdSchemaConverter.ToJsonSchema(served.OpenApiV3Schema!, group, version, kind);
            return (KindSchema.Create(document, $"{crd.File} (CRD {crd.Name} {version})", crd.Name), null);
        }

        if (crd is not null)
        {
            var versions = string.Join(", ", crd.Versions.Where(v => v.Served).Select(v => v.Name));
            return (null, $"{kind} in {group} has no served version {version} (served: {versions}; CRD {crd.Name} in {crd.File})");
        }

        var kinds = Crds.Definitions.Where(d => d.Group == group).Select(d => d.Kind).Order(StringComparer.Ordinal).ToArray();
        return (null, $"no schema for apiVersion {apiVersion} kind {kind}: neither {relative.Replace('\\', '/')} nor a CRD under schemas/ "
            + (kinds.Length > 0 ? $"(kinds known in {group}: {string.Join(", ", kinds)})" : $"(no CRD of group '{group}' at all)")
            + "; the validator refuses what it cannot check");
    }

    [GeneratedRegex("^[a-zA-Z0-9]([-a-zA-Z0-9.]*[a-zA-Z0-9])?$")]
    private static partial Regex SafeName();
}
