namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Metadata names of the public attributes, taken from the attribute types with <c>nameof</c>: the generator compiles
    /// against the attributes assembly but never loads it (a <c>nameof</c> is a constant), since the compiler running the
    /// generator need not have it.
    /// </summary>
    internal static class KnownNames
    {
        public const string Namespace = "MeshAttributes";
        public const string MeshService = Namespace + "." + nameof(MeshServiceAttribute);
        public const string CircuitBreaker = Namespace + "." + nameof(CircuitBreakerAttribute);
        public const string ConnectionPool = Namespace + "." + nameof(ConnectionPoolAttribute);
        public const string LoadBalancer = Namespace + "." + nameof(LoadBalancerAttribute);
        public const string RetryBudget = Namespace + "." + nameof(RetryBudgetAttribute);
        public const string MutualTls = Namespace + "." + nameof(MutualTlsAttribute);
        public const string Retry = Namespace + "." + nameof(RetryAttribute);
        public const string Timeout = Namespace + "." + nameof(TimeoutAttribute);
        public const string Idempotent = Namespace + "." + nameof(IdempotentAttribute);
        public const string DependsOn = Namespace + "." + nameof(DependsOnAttribute);
        public const string AllowCaller = Namespace + "." + nameof(AllowCallerAttribute);
        public const string Alerting = Namespace + "." + nameof(AlertingAttribute);
        public const string OutboundTrafficPolicy = Namespace + "." + nameof(OutboundTrafficPolicyAttribute);
        public const string MeshManifest = Namespace + "." + nameof(MeshManifestAttribute);
        public const string MeshManifestError = Namespace + "." + nameof(MeshManifestErrorAttribute);
        public const string MeshPlatform = Namespace + "." + nameof(MeshPlatformAttribute);
        public const string InjectNamespace = Namespace + "." + nameof(InjectNamespaceAttribute);

        /// <summary>The metadata name of a type of the <c>MeshAttributes</c> namespace.</summary>
        public static string Qualified(string typeMetadataName) => Namespace + "." + typeMetadataName;

        /// <summary>The attribute's short name as findings use it: <c>MeshAttributes.RetryAttribute</c> → <c>Retry</c>.</summary>
        public static string ShortName(string metadataName) =>
            metadataName.Substring(Namespace.Length + 1, metadataName.Length - Namespace.Length - 1 - "Attribute".Length);
    }
}
