namespace MeshAttributes.Core.Rules
{
    /// <summary>Every rule id, in one place; an id is never reused (the catalog is docs/rules/README.md).</summary>
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
        public const string NotInIstioRelease = "MESH009";
        public const string InvalidQuantity = "MESH010";
        public const string InvertedReplicaBounds = "MESH011";
        public const string RequestAboveLimit = "MESH012";
        public const string NonIdempotentRetry = "MESH100";
        public const string RetriesExceedTimeout = "MESH101";
        public const string UnboundedRetry = "MESH102";
        public const string UncappedRetries = "MESH103";
        public const string EjectAllHosts = "MESH104";
        public const string ShadowedGatewayErrors = "MESH105";
        public const string MutualTlsNotStrict = "MESH106";
        public const string StackedRetries = "MESH107";
        public const string SingleIstiodReplica = "MESH108";
        public const string AllowAnyWithDependencies = "MESH109";
        public const string MeshMutualTlsNotStrict = "MESH110";
        public const string AppStartsBeforeProxy = "MESH111";
        public const string EndpointNotRouted = "MESH300";
        public const string GeneratorFailure = "MESH900";
    }
}
