namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// Istio's spelling of the C# enums, indexed by the enum's numeric value; null when a value is outside
    /// the enum (e.g. <c>(LoadBalancerPolicy)7</c>), which the rules report as out of range.
    /// </summary>
    public static class IstioEnums
    {
        private static readonly string[] H2UpgradePolicies = { "DEFAULT", "DO_NOT_UPGRADE", "UPGRADE" };
        private static readonly string[] LoadBalancerPolicies = { "LEAST_REQUEST", "ROUND_ROBIN", "RANDOM", "PASSTHROUGH" };
        private static readonly string[] MutualTlsModes = { "STRICT", "PERMISSIVE", "DISABLE" };
        private static readonly string[] OutboundTrafficPolicyModes = { "REGISTRY_ONLY", "ALLOW_ANY" };
        private static readonly string[] AccessLogEncodings = { "TEXT", "JSON" };

        public static string? H2UpgradePolicy(int value) => Lookup(H2UpgradePolicies, value);

        public static string? LoadBalancerPolicy(int value) => Lookup(LoadBalancerPolicies, value);

        public static string? MutualTlsMode(int value) => Lookup(MutualTlsModes, value);

        public static string? OutboundTrafficPolicyMode(int value) => Lookup(OutboundTrafficPolicyModes, value);

        public static string? AccessLogEncoding(int value) => Lookup(AccessLogEncodings, value);

        private static string? Lookup(string[] names, int value) => value >= 0 && value < names.Length ? names[value] : null;
    }
}
