namespace MeshAttributes.Generators
{
    /// <summary>The MSBuild properties the generator reads (made visible with CompilerVisibleProperty).</summary>
    internal sealed record GeneratorOptions(string? Namespace)
    {
        public const string NamespaceProperty = "build_property.MeshNamespace";
    }
}
