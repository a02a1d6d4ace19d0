namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// What <c>[assembly: MeshPlatform]</c> and its <c>[InjectNamespace]</c> attributes declare: the control plane's install and
    /// the mesh-wide settings, every value resolved (an unset property holds its <see cref="PlatformDefaults"/> value, since the
    /// install is written whole). Plain values only, no Roslyn object, compared by value so the generator can cache it. Enums
    /// are held as the C# enum's number, as in <see cref="ServiceSpec"/>; <see cref="IstioEnums"/> spells them.
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
        EquatableArray<string> InjectNamespaces);
}
