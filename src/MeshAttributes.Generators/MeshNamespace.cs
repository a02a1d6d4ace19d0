using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// The <c>MeshNamespace</c> MSBuild property: the Kubernetes namespace of a service whose <c>[MeshService]</c> sets none.
    /// Read and applied here for the generator and the analyzer alike, so both see the same service.
    /// </summary>
    internal static class MeshNamespace
    {
        /// <summary>The property's value, trimmed; null when it is unset or blank.</summary>
        public static string? Read(AnalyzerConfigOptions globalOptions) =>
            globalOptions.TryGetValue(GeneratorOptions.NamespaceProperty, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        /// <summary><paramref name="spec"/> with <paramref name="defaultNamespace"/> where it sets no namespace of its own.</summary>
        public static ServiceSpec Apply(ServiceSpec spec, string? defaultNamespace) =>
            spec.Namespace is null && defaultNamespace is not null ? spec with { Namespace = defaultNamespace } : spec;
    }
}
