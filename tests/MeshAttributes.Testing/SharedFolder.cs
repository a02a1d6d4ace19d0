using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Xunit;

namespace MeshAttributes.Testing;

/// <summary>
/// The read-only shared folder beside the repository that holds <c>schemas/</c> (third-party validation
/// material, see its PROVENANCE.md) and <c>seed/</c> (the case study and its manifests). Found through
/// <see cref="EnvironmentVariable"/>, else as <c>&lt;repo root&gt;/../shared</c>.
/// </summary>
public sealed class SharedFolder
{
    /// <summary>Environment variable naming the folder that holds <c>schemas/</c> and <c>seed/</c>.</summary>
    public const string EnvironmentVariable = "MESH_SHARED_DIR";

    /// <summary>The Istio release the schemas describe.</summary>
    public const string IstioVersion = "1.30.3";

    // Files whose presence makes schemas/ and seed/ usable; a partial copy is reported, not half-used.
    private static readonly string[] SchemaMarkers =
    [
        "json/networking.istio.io/destinationrule_v1.json",
        $"istio/cel-rules.{IstioVersion}.v1.txt",
        "grafana/foundation-sdk-main/dashboard.jsonschema.json",
    ];

    private static readonly string[] SeedMarkers = ["manifests/destination-rules.yaml"];

    private static readonly Lazy<SharedFolder> CurrentFolder = new(Locate);

    private SharedFolder(string? root, string origin, string? repoRoot)
    {
        Root = root;
        Origin = origin;
        RepoRoot = repoRoot;
    }

    /// <summary>The shared folder for this test run, located once.</summary>
    public static SharedFolder Current => CurrentFolder.Value;

    /// <summary>The folder containing <c>MeshAttributes.sln</c>, found by walking up from the test binaries; null when not inside the repo.</summary>
    public string? RepoRoot { get; }

    /// <summary>Where the shared folder is expected (it may not exist); null when neither the variable nor the repo root says.</summary>
    public string? Root { get; }

    /// <summary>How <see cref="Root"/> was found, for messages.</summary>
    public string Origin { get; }

    /// <summary><c>schemas/</c> when it holds what the validator needs, else null.</summary>
    public string? SchemasDirectory => Usable("schemas", SchemaMarkers);

    /// <summary><c>seed/</c> when it holds the case study's manifests, else null.</summary>
    public string? SeedDirectory => Usable("seed", SeedMarkers);

    /// <summary>Locates the folder afresh: <see cref="EnvironmentVariable"/> if set, else <c>&lt;repo root&gt;/../shared</c>.</summary>
    public static SharedFolder Locate()
    {
        var repoRoot = FindRepoRoot(AppContext.BaseDirectory);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new SharedFolder(Path.GetFullPath(fromEnvironment), $"from {EnvironmentVariable}", repoRoot);
        }

        return repoRoot is null
            ? new SharedFolder(null, $"no MeshAttributes.sln above {AppContext.BaseDirectory}", null)
            : new SharedFolder(Path.GetFullPath(Path.Combine(repoRoot, "..", "shared")), "beside the repository root", repoRoot);
    }

    /// <summary>A shared folder at an explicit path (tests of this class, tools).</summary>
    public static SharedFolder At(string root) => new(Path.GetFullPath(root), "given explicitly", FindRepoRoot(AppContext.BaseDirectory));

    /// <summary>The schemas directory, or false when it is absent or incomplete.</summary>
    public bool TryGetSchemasDirectory([NotNullWhen(true)] out string? directory) => (directory = SchemasDirectory) is not null;

    /// <summary>The seed directory, or false when it is absent or incomplete.</summary>
    public bool TryGetSeedDirectory([NotNullWhen(true)] out string? directory) => (directory = SeedDirectory) is not null;

    /// <summary>Null when <c>schemas/</c> is usable, else a skip message naming exactly what is needed.</summary>
    public string? MissingSchemasMessage() => Missing(
        "schemas", SchemaMarkers, $"Istio {IstioVersion} JSON schemas and CEL rules, PrometheusRule and Grafana dashboard schemas");

    /// <summary>Null when <c>seed/</c> is usable, else a skip message naming exactly what is needed.</summary>
    public string? MissingSeedMessage() => Missing("seed", SeedMarkers, "the case study's manifests");

    /// <summary>Skips the calling <c>[SkippableFact]</c> unless <c>schemas/</c> is usable; returns the folder.</summary>
    public static SharedFolder RequireSchemas()
    {
        var folder = Current;
        var message = folder.MissingSchemasMessage();
        Skip.If(message is not null, message);
        return folder;
    }

    /// <summary>Skips the calling <c>[SkippableFact]</c> unless <c>schemas/</c> and <c>seed/</c> are usable; returns the folder.</summary>
    public static SharedFolder RequireSchemasAndSeed()
    {
        var folder = RequireSchemas();
        var message = folder.MissingSeedMessage();
        Skip.If(message is not null, message);
        return folder;
    }

    private string? Usable(string name, string[] markers)
    {
        if (Root is null)
        {
            return null;
        }

        var directory = Path.Combine(Root, name);
        foreach (var marker in markers)
        {
            if (!File.Exists(Path.Combine(directory, marker)))
            {
                return null;
            }
        }

        return directory;
    }

    private string? Missing(string name, string[] markers, string what)
    {
        if (Usable(name, markers) is not null)
        {
            return null;
        }

        var where = Root is null
            ? $"no shared folder found ({Origin})"
            : $"looked in {Path.Combine(Root, name)} ({Origin}), which lacks {FirstMissing(name, markers)}";
        return $"needs ../shared/{name} ({what}); {where}; set {EnvironmentVariable} to the folder holding schemas/ and seed/";
    }

    private string FirstMissing(string name, string[] markers)
    {
        foreach (var marker in markers)
        {
            if (!File.Exists(Path.Combine(Root!, name, marker)))
            {
                return $"{name}/{marker}";
            }
        }

        return name;
    }

    private static string? FindRepoRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MeshAttributes.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
