namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// Everything one service declares, as plain values. Like every type in this namespace it holds no
    /// Roslyn object (no ISymbol, Compilation, SyntaxNode or Location) and compares by value, so the
    /// incremental generator can cache it and the CLI can build it from YAML.
    /// A property is null when the user did not set it: Istio's default then applies.
    /// </summary>
    public sealed record ServiceSpec(
        string Name,
        string? Namespace,
        int? Port,
        CircuitBreakerSpec? CircuitBreaker,
        ConnectionPoolSpec? ConnectionPool,
        LoadBalancerSpec? LoadBalancer,
        RetryBudgetSpec? RetryBudget,
        MutualTlsSpec? MutualTls,
        RetrySpec? Retry,
        TimeoutSpec? Timeout,
        EquatableArray<DependencySpec> DependsOn,
        EquatableArray<CallerSpec> AllowCallers,
        AlertingSpec? Alerting,
        EquatableArray<EndpointSpec> Endpoints)
    {
        /// <summary>
        /// The retries the service's own code makes on its outbound HttpClients (what MESH107 reads), recorded on its Sidecar
        /// (<see cref="Resources.InAppRetryAnnotation"/>) so the mesh view can multiply them into a call path's tries.
        /// </summary>
        public EquatableArray<InAppRetrySpec> InAppRetries { get; init; }

        /// <summary>The namespace written into every resource once defaults are resolved.</summary>
        public string EffectiveNamespace => Namespace ?? ServiceDefaults.Namespace;
    }
}
