using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// The MSBuild properties the generator and the analyzer read (made visible with CompilerVisibleProperty), read by
    /// <see cref="From"/> and applied by <see cref="ApplyTo"/> in both, so the IDE reports what the build refuses.
    /// </summary>
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

        /// <summary><c>MeshPrometheusRuleLabels</c> as the user wrote it (<c>key=value;key=value</c>); MESH004 reports an invalid one.</summary>
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

        /// <summary>The properties as the compiler passes them to the generator and analyzers.</summary>
        public static GeneratorOptions From(AnalyzerConfigOptions options) =>
            new(Read(options, NamespaceProperty))
            {
                PrometheusRuleLabels = ReadEncoded(options, PrometheusRuleLabelsProperty),
                IstioVersion = Read(options, IstioVersionProperty),
            };

        /// <summary>
        /// <paramref name="spec"/> as the project builds it: <c>MeshNamespace</c> fills in an unset namespace, and the project's
        /// Istio release and PrometheusRule labels apply to every service.
        /// </summary>
        public ServiceSpec ApplyTo(ServiceSpec spec) =>
            spec with { Namespace = spec.Namespace ?? Namespace, IstioVersion = IstioVersion, PrometheusRuleLabels = PrometheusRuleLabels };
    }
}
