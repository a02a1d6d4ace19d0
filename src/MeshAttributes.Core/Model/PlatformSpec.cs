namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// What <c>[assembly: MeshPlatform]</c> and its <c>[InjectNamespace]</c> attributes declare: the control plane's install and
    /// the mesh-wide settings, every value resolved (an unset property holds its <see cref="PlatformDefaults"/> value, since the
    /// install is written whole). Plain values only, no Roslyn object, compared by value so the generator can cache it. Enums
    /// are held as the C# enum's number, as in <see cref="ServiceSpec"/>; <see cref="IstioEnums"/> spells them.
    /// <paramref name="IstioVersion"/> is the <c>MeshIstioVersion</c> MSBuild property as written (null: <see cref="IstioRelease.Default"/>),
    /// the release the platform's Istio resources are written for, as a service's are.
    /// </summary>
    public sealed record PlatformSpec(
        string Name,
        string Namespace,
        string Profile,
        string AccessLogFile,
        int AccessLogEncoding,
        string AccessLogFormat,
        bool EnableAutoMtls,
        double TracingSampling,
        bool HoldApplicationUntilProxyStarts,
        int OutboundTrafficPolicy,
        int PilotReplicaCount,
        int PilotHpaMinReplicas,
        int PilotHpaMaxReplicas,
        ResourcesSpec PilotResources,
        string IngressGatewayName,
        bool IngressGatewayEnabled,
        int IngressGatewayReplicaCount,
        ResourcesSpec IngressGatewayResources,
        string IngressGatewayServiceType,
        ResourcesSpec ProxyResources,
        int MutualTls,
        string MonitoringNamespace,
        EquatableArray<string> InjectNamespaces,
        string? IstioVersion = null)
    {
        /// <summary>
        /// The MSBuild property <c>MeshPrometheusRuleLabels</c> as written (<c>key=value;key=value</c>; null for none): the labels
        /// the mesh PrometheusRule carries, as every service's does. Kept as written so an invalid text reaches the renderer,
        /// which refuses the PrometheusRule and says why.
        /// </summary>
        public string? PrometheusRuleLabels { get; init; }

        /// <summary>The Istio release the platform's resources are written for (<see cref="IstioRelease.Default"/> when unset or unreadable, which MESH009 reports).</summary>
        public IstioRelease TargetIstio => IstioRelease.ParseOrDefault(IstioVersion);
    }
}
