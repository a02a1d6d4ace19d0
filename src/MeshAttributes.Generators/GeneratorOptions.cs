using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Generators
{
    /// <summary>The MSBuild properties the generator reads (made visible with CompilerVisibleProperty).</summary>
    internal sealed record GeneratorOptions(string? Namespace)
    {
        public const string NamespaceProperty = "build_property.MeshNamespace";

        /// <summary>
        /// <c>MeshPrometheusRuleLabels</c> as MeshAttributes.targets hands it over: the compiler passes properties through a
        /// generated .editorconfig, which ends a value at its first ';' or '#' (dotnet/roslyn#44596), so the targets spell
        /// them <see cref="EncodedSemicolon"/> and <see cref="EncodedHash"/>.
        /// </summary>
        public const string PrometheusRuleLabelsProperty = "build_property._MeshPrometheusRuleLabels";

        public const char EncodedSemicolon = '\u241F';

        public const char EncodedHash = '\u2317';

        /// <summary><c>MeshPrometheusRuleLabels</c> as the user wrote it (<c>key=value;key=value</c>); Core checks it when rendering.</summary>
        public string? PrometheusRuleLabels { get; init; }

        /// <summary>A property the targets encoded, decoded; null when absent or blank.</summary>
        public static string? ReadEncoded(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value)
                ? value.Replace(EncodedSemicolon, ';').Replace(EncodedHash, '#')
                : null;

        public const string IstioVersionProperty = "build_property.MeshIstioVersion";

        /// <summary><c>MeshIstioVersion</c> as written (null when unset): the rules report a value that is not a release.</summary>
        public string? IstioVersion { get; init; }

        /// <summary>A global option as MSBuild passes it: null when unset or blank, else trimmed.</summary>
        public static string? Read(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
    }
}
