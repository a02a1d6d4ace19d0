namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// The mesh-wide rule ids. They need every service at once, so only the <c>mesh</c> CLI reports them; they are kept apart
    /// from <see cref="Rules.RuleIds"/>, whose ids are all analyzer diagnostics.
    /// </summary>
    public static class MeshRuleIds
    {
        public const string RetryAmplification = "MESH200";
        public const string TimeoutInversion = "MESH201";
        public const string UndeclaredDependency = "MESH202";
        public const string CallerNotAllowed = "MESH203";
        public const string DependencyCycle = "MESH204";
    }
}
