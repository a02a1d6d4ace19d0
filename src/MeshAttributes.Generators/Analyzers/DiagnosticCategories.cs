namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>Diagnostic categories: what the setting is wrong about.</summary>
    public static class DiagnosticCategories
    {
        /// <summary>Istio would reject the value, or it cannot mean anything: no manifest is written for it.</summary>
        public const string Validity = "MeshAttributes.Validity";

        /// <summary>Valid, but it causes outages.</summary>
        public const string Reliability = "MeshAttributes.Reliability";

        /// <summary>Valid, but it weakens the mesh's security.</summary>
        public const string Security = "MeshAttributes.Security";

        /// <summary>MeshAttributes itself failed: a bug to report, not a setting to change.</summary>
        public const string Generator = "MeshAttributes.Generator";

        /// <summary>Valid, but part of the code gets no manifest: what MeshAttributes left out rather than guessed.</summary>
        public const string Coverage = "MeshAttributes.Coverage";
    }
}
