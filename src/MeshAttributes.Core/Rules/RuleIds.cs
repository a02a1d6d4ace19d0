namespace MeshAttributes.Core.Rules
{
    /// <summary>Every rule id, in one place; an id is never reused (DESIGN.md's rule catalog).</summary>
    public static class RuleIds
    {
        public const string InvalidDuration = "MESH001";
        public const string InvalidRetryOn = "MESH002";
        public const string OutOfRange = "MESH003";
        public const string InvalidName = "MESH004";
        public const string ServiceScope = "MESH005";
        public const string ConflictingSettings = "MESH006";
        public const string InvalidAlertThreshold = "MESH007";
        public const string InvertedAlertThresholds = "MESH008";
    }
}
