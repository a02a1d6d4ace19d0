namespace MeshAttributes.Generators
{
    /// <summary>The MSBuild properties the generator reads (made visible with CompilerVisibleProperty).</summary>
    internal sealed record GeneratorOptions(string? Namespace)
    {
        public const string NamespaceProperty = "build_property.MeshNamespace";

        public const string PrometheusRuleLabelsProperty = "build_property.MeshPrometheusRuleLabels";

        /// <summary><c>MeshPrometheusRuleLabels</c> as written (<c>key=value;key=value</c>); Core checks it when rendering.</summary>
        public string? PrometheusRuleLabels { get; init; }
    }
}
