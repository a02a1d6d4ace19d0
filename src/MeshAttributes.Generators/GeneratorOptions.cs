namespace MeshAttributes.Generators
{
    /// <summary>The MSBuild properties the generator reads (made visible with CompilerVisibleProperty).</summary>
    internal sealed record GeneratorOptions(string? Namespace)
    {
        public const string NamespaceProperty = "build_property.MeshNamespace";

        public const string IstioVersionProperty = "build_property.MeshIstioVersion";

        /// <summary><c>MeshIstioVersion</c> as written (null when unset): the rules report a value that is not a release.</summary>
        public string? IstioVersion { get; init; }

        /// <summary>A global option as MSBuild passes it: null when unset or blank, else trimmed.</summary>
        public static string? Read(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
