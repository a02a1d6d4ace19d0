namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// Everything one service declares, as plain values. Like every type in this namespace it holds no
    /// Roslyn object (no ISymbol, Compilation, SyntaxNode or Location) and compares by value, so the
    /// incremental generator can cache it and the CLI can build it from YAML.
    /// A property is null when the user did not set it: Istio's default then applies.
    /// <paramref name="ServiceAccount"/> is the Kubernetes service account the service's pods run as (null: the service's
    /// name); <paramref name="IstioVersion"/> is the <c>MeshIstioVersion</c> the manifests are written for, as written
    /// (null: <see cref="IstioRelease.Default"/>).
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
        EquatableArray<EndpointSpec> Endpoints,
        string? ServiceAccount = null,
        OutboundTrafficPolicySpec? OutboundTrafficPolicy = null,
        string? IstioVersion = null)
    {
        /// <summary>
        /// The retries the service's own code makes on its outbound HttpClients (what MESH107 reads), recorded on its Sidecar
        /// (<see cref="Resources.InAppRetryAnnotation"/>) so the mesh view can multiply them into a call path's tries.
        /// </summary>
        public EquatableArray<InAppRetrySpec> InAppRetries { get; init; }

        /// <summary>The namespace written into every resource once defaults are resolved.</summary>
        public string EffectiveNamespace => Namespace ?? ServiceDefaults.Namespace;

        /// <summary>
        /// The labels every PrometheusRule of the service carries besides MeshAttributes' own, as the MSBuild property
        /// <c>MeshPrometheusRuleLabels</c> writes them (<c>key=value;key=value</c>); null for none. Kept as written so an
        /// invalid text reaches the rules: MESH004 refuses the PrometheusRule and says why.
        /// </summary>
        public string? PrometheusRuleLabels { get; init; }
        /// <summary>The service account its pods are assumed to run as: the declared one, else the service's name.</summary>
        public string EffectiveServiceAccount => ServiceAccount ?? Name;

        /// <summary>The Istio release the manifests are written for (<see cref="IstioRelease.Default"/> when unset or unreadable, which MESH009 reports).</summary>
        public IstioRelease TargetIstio => IstioRelease.ParseOrDefault(IstioVersion);
    }
}
