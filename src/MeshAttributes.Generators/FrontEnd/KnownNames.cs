namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Metadata names of the public attributes. The generator does not reference the attributes assembly, so a
    /// test checks each constant against <c>typeof(X).FullName</c> to keep them from drifting.
    /// </summary>
    internal static class KnownNames
    {
        public const string Namespace = "MeshAttributes";
        public const string MeshService = "MeshAttributes.MeshServiceAttribute";
        public const string CircuitBreaker = "MeshAttributes.CircuitBreakerAttribute";
        public const string ConnectionPool = "MeshAttributes.ConnectionPoolAttribute";
        public const string LoadBalancer = "MeshAttributes.LoadBalancerAttribute";
        public const string RetryBudget = "MeshAttributes.RetryBudgetAttribute";
        public const string MutualTls = "MeshAttributes.MutualTlsAttribute";
        public const string Retry = "MeshAttributes.RetryAttribute";
        public const string Timeout = "MeshAttributes.TimeoutAttribute";
        public const string Idempotent = "MeshAttributes.IdempotentAttribute";
        public const string DependsOn = "MeshAttributes.DependsOnAttribute";
        public const string AllowCaller = "MeshAttributes.AllowCallerAttribute";
        public const string Alerting = "MeshAttributes.AlertingAttribute";
        public const string MeshManifest = "MeshAttributes.MeshManifestAttribute";
        public const string MeshManifestError = "MeshAttributes.MeshManifestErrorAttribute";

        /// <summary>The metadata name of a type of the <c>MeshAttributes</c> namespace.</summary>
        public static string Qualified(string typeMetadataName) => Namespace + "." + typeMetadataName;

        /// <summary>The attribute's short name as findings use it: <c>MeshAttributes.RetryAttribute</c> → <c>Retry</c>.</summary>
        public static string ShortName(string metadataName) =>
            metadataName.Substring(Namespace.Length + 1, metadataName.Length - Namespace.Length - 1 - "Attribute".Length);
    }
}
