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
        public const string OutboundTrafficPolicy = "MeshAttributes.OutboundTrafficPolicyAttribute";
        public const string MeshManifest = "MeshAttributes.MeshManifestAttribute";
        public const string MeshManifestError = "MeshAttributes.MeshManifestErrorAttribute";
        public const string MeshPlatform = "MeshAttributes.MeshPlatformAttribute";
        public const string InjectNamespace = "MeshAttributes.InjectNamespaceAttribute";

        private static readonly string[] All =
        {
            MeshService, CircuitBreaker, ConnectionPool, LoadBalancer, RetryBudget, MutualTls, Retry, Timeout, Idempotent, DependsOn,
            AllowCaller, Alerting, MeshManifest, MeshManifestError, OutboundTrafficPolicy,
            MeshPlatform, InjectNamespace,
        };

        /// <summary>The metadata name of a type of the <c>MeshAttributes</c> namespace: one of the constants when it is one.</summary>
        public static string Qualified(string typeMetadataName)
        {
            foreach (string known in All)
            {
                if (known.Length == Namespace.Length + 1 + typeMetadataName.Length && string.CompareOrdinal(known, Namespace.Length + 1, typeMetadataName, 0, typeMetadataName.Length) == 0)
                {
                    return known;
                }
            }

            return Namespace + "." + typeMetadataName;
        }

        /// <summary>The attribute's short name as findings use it: <c>MeshAttributes.RetryAttribute</c> → <c>Retry</c>.</summary>
        public static string ShortName(string metadataName) =>
            metadataName.Substring(Namespace.Length + 1, metadataName.Length - Namespace.Length - 1 - "Attribute".Length);
    }
}
