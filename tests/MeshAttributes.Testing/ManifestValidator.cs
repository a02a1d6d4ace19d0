using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MeshAttributes.Testing.Cel;
using MeshAttributes.Testing.Kubernetes;
using MeshAttributes.Testing.Schemas;
using MeshAttributes.Testing.Yaml;
using Xunit;
using YamlDotNet.Core;

namespace MeshAttributes.Testing;

/// <summary>
/// Checks manifests the way the cluster would: each YAML document against its CRD's strict JSON schema
/// (<c>schemas/json/</c>), the CRD's CEL rules (<c>schemas/istio/cel-rules.1.30.3.v1.txt</c>), list-type and
/// ObjectMeta rules; core ConfigMaps structurally, with any Grafana dashboard inside checked against Grafana's
/// schema. Anything it cannot check (an unknown kind, a rule it cannot evaluate) fails rather than passes.
/// </summary>
public sealed class ManifestValidator
{
    private const string DashboardSchemaFile = "grafana/foundation-sdk-main/dashboard.jsonschema.json";

    private static readonly ConcurrentDictionary<string, Lazy<ManifestValidator>> Loaded = new(StringComparer.Ordinal);

    private readonly SchemaCatalog catalog;
    private readonly CelRuleEvaluator cel = new();
    private readonly ILookup<string, CelRule> listedRules;
    private readonly Lazy<(JsonSchema Schema, JsonNode Document)> dashboardSchema;

    private ManifestValidator(string schemasDirectory)
    {
        SchemaFormats.EnsureRegistered();
        SchemasDirectory = schemasDirectory;
        catalog = new SchemaCatalog(schemasDirectory);
        CelRules = CelRuleListing.Load(Path.Combine(schemasDirectory, "istio", $"cel-rules.{SharedFolder.IstioVersion}.v1.txt"));
        listedRules = CelRules.ToLookup(r => r.Crd, StringComparer.Ordinal);
        dashboardSchema = new Lazy<(JsonSchema, JsonNode)>(() =>
        {
            var text = File.ReadAllText(Path.Combine(schemasDirectory, DashboardSchemaFile));
            return (JsonSchema.FromText(text), JsonNode.Parse(text)!);
        });
    }

    /// <summary>The <c>schemas/</c> directory in use.</summary>
    public string SchemasDirectory { get; }

    /// <summary>Every rule of the CEL rule listing, in file order.</summary>
    public IReadOnlyList<CelRule> CelRules { get; }

    /// <summary>The validator for the shared folder's schemas, loaded once per directory.</summary>
    /// <exception cref="InvalidOperationException">The schemas are absent (call <see cref="SharedFolder.RequireSchemas"/> first to skip instead).</exception>
    public static ManifestValidator Load(SharedFolder shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        return shared.TryGetSchemasDirectory(out var directory)
            ? Load(directory)
            : throw new InvalidOperationException(shared.MissingSchemasMessage());
    }

    /// <summary>The validator for a <c>schemas/</c> directory, loaded once per directory.</summary>
    public static ManifestValidator Load(string schemasDirectory) =>
        Loaded.GetOrAdd(Path.GetFullPath(schemasDirectory), d => new Lazy<ManifestValidator>(() => new ManifestValidator(d))).Value;

    /// <summary>Every violation in <paramref name="yaml"/> (one or more <c>---</c> documents); empty when valid.</summary>
    /// <exception cref="NotSupportedException">A rule that applies calls a CEL function this validator cannot evaluate.</exception>
    public IReadOnlyList<ManifestViolation> Check(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        IReadOnlyList<YamlDocument> documents;
        try
        {
            documents = YamlJsonConverter.Read(yaml);
        }
        catch (YamlException e)
        {
            return [new ManifestViolation(0, "(not YAML)", "(root)", $"line {e.Start.Line}, column {e.Start.Column}: {Innermost(e).Message}", "yaml")];
        }

        var violations = new List<ManifestViolation>();
        foreach (var document in documents.Where(d => d.Root is not null))
        {
            violations.AddRange(CheckDocument(document));
        }

        if (documents.All(d => d.Root is null))
        {
            violations.Add(new ManifestViolation(0, "(empty)", "(root)", "no Kubernetes document in the text", "yaml"));
        }

        return violations;
    }

    /// <summary><see cref="Check"/> as text, one line per violation.</summary>
    public IReadOnlyList<string> Validate(string yaml) => Check(yaml).Select(v => v.ToString()).ToArray();

    /// <summary>Validates PrometheusRule documents (the generic path, <c>schemas/json/monitoring.coreos.com/prometheusrule_v1.json</c>), refusing any other kind.</summary>
    public IReadOnlyList<string> ValidatePrometheusRule(string yaml)
    {
        var violations = Validate(yaml).ToList();
        foreach (var document in TryRead(yaml).Where(d => d.Root is not null))
        {
            if (Text(document.Root?["kind"]) is not "PrometheusRule")
            {
                violations.Add(new ManifestViolation(document.Index, Describe(document.Root), "kind", "expected a PrometheusRule", "schema").ToString());
            }
        }

        return violations;
    }

    /// <summary>Every violation of a Grafana dashboard JSON model against Grafana's dashboard schema.</summary>
    public IReadOnlyList<ManifestViolation> CheckDashboard(string json) => CheckDashboard(json, 1, "Grafana dashboard", FieldPath.Root);

    /// <summary><see cref="CheckDashboard(string)"/> as text, one line per violation.</summary>
    public IReadOnlyList<string> ValidateDashboard(string json) => CheckDashboard(json).Select(v => v.ToString()).ToArray();

    /// <summary>Fails the test, listing every violation, unless <paramref name="yaml"/> is valid.</summary>
    public void AssertValid(string yaml, string name) => Fail(name, Check(yaml));

    /// <summary>Fails the test, listing every violation, unless <paramref name="json"/> is a valid dashboard.</summary>
    public void AssertDashboardValid(string json, string name) => Fail(name, CheckDashboard(json));

    private static void Fail(string name, IReadOnlyList<ManifestViolation> violations)
    {
        if (violations.Count > 0)
        {
            Assert.Fail($"{name} is not valid ({violations.Count} violation(s)):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", violations));
        }
    }

    private IEnumerable<ManifestViolation> CheckDocument(YamlDocument document)
    {
        var resource = Describe(document.Root);
        ManifestViolation Violation(string path, string message, string check) =>
            new(document.Index, resource, path.Length == 0 ? "(root)" : path, message, check);

        foreach (var (path, message) in document.Problems)
        {
            yield return Violation(path, message, "yaml");
        }

        if (document.Root is not JsonObject root)
        {
            yield return Violation("(root)", "a Kubernetes document must be a mapping", "schema");
            yield break;
        }

        if (Text(root["apiVersion"]) is not { Length: > 0 } apiVersion || Text(root["kind"]) is not { Length: > 0 } kind)
        {
            yield return Violation("(root)", "apiVersion and kind are required strings", "schema");
            yield break;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion.Substring(0, slash), apiVersion.Substring(slash + 1));
        foreach (var (path, message) in ObjectMetaChecker.Check(root))
        {
            yield return Violation(path, message, "metadata");
        }

        if (group.Length == 0 && version == "v1" && kind == "ConfigMap")
        {
            foreach (var violation in CheckConfigMap(root, Violation))
            {
                yield return violation;
            }

            yield break;
        }

        if (!catalog.TryGet(group, version, kind, out var schema, out var whyNot))
        {
            yield return Violation("(root)", whyNot, "schema");
            yield break;
        }

        var schemaErrors = SchemaChecker.Check(schema.Schema, schema.Document, root);
        foreach (var error in schemaErrors)
        {
            yield return Violation(error.Path, error.Message, "schema");
        }

        foreach (var (path, listType, keys) in schema.ListTypes)
        {
            foreach (var (itemPath, message) in ListTypeChecker.Check(root, path, listType, keys))
            {
                yield return Violation(itemPath, message, "schema");
            }
        }

        // As the API server: wrongly typed data would only make rules error, so they wait for a clean object.
        if (schemaErrors.Any(e => e.Keyword == "type"))
        {
            yield return Violation("(root)", "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation", "cel");
            yield break;
        }

        foreach (var violation in CheckCelRules(root, schema, Violation))
        {
            yield return violation;
        }
    }

    private IEnumerable<ManifestViolation> CheckCelRules(JsonObject root, KindSchema schema, Func<string, string, string, ManifestViolation> violation)
    {
        // The listing is the reviewed source (taken from v1; every served version carries the same rules, a test
        // checks it); kinds it leaves out still carry their rules in the schema.
        var rules = listedRules.Contains(schema.Crd) ? listedRules[schema.Crd] : schema.SchemaRules;
        foreach (var rule in rules)
        {
            foreach (var (value, path) in CelRulePath.Parse(rule.Path).Select(root))
            {
                if (cel.Check(rule, value) is { } failure)
                {
                    yield return violation(path, $"Invalid value: {Shorten(value)}: {failure}", "cel");
                }
            }
        }
    }

    private IEnumerable<ManifestViolation> CheckConfigMap(JsonObject root, Func<string, string, string, ManifestViolation> violation)
    {
        foreach (var (path, message) in ConfigMapChecker.Check(root))
        {
            yield return violation(path, message, "configmap");
        }

        foreach (var (path, json) in ConfigMapChecker.Dashboards(root))
        {
            foreach (var inner in CheckDashboard(json, 0, string.Empty, path))
            {
                yield return violation(inner.Path, inner.Message, "dashboard");
            }
        }
    }

    private IReadOnlyList<ManifestViolation> CheckDashboard(string json, int document, string resource, string basePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? model;
        try
        {
            model = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return [new ManifestViolation(document, resource, basePath.Length == 0 ? "(root)" : basePath, $"not JSON: {e.Message}", "dashboard")];
        }

        var title = Text(model?["title"]);
        var name = resource.Length == 0 ? resource : title is null ? resource : $"{resource} \"{title}\"";
        return SchemaChecker.Check(dashboardSchema.Value.Schema, dashboardSchema.Value.Document, model)
            .Select(e => new ManifestViolation(document, name, Join(basePath, e.Path), e.Message, "dashboard"))
            .ToArray();
    }

    private static string Join(string basePath, string path) =>
        basePath.Length == 0 ? path : path == "(root)" ? basePath : $"{basePath}:{path}";

    private static IReadOnlyList<YamlDocument> TryRead(string yaml)
    {
        try
        {
            return YamlJsonConverter.Read(yaml);
        }
        catch (YamlException)
        {
            return [];
        }
    }

    private static string Describe(JsonNode? root)
    {
        var obj = root as JsonObject;
        var apiVersion = Text(obj?["apiVersion"]) ?? "?";
        var kind = Text(obj?["kind"]) ?? "?";
        var name = Text(obj?["metadata"]?["name"]);
        return name is null ? $"{apiVersion} {kind}" : $"{apiVersion} {kind} {name}";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Shorten(JsonNode value)
    {
        var text = JsonText.Of(value);
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
