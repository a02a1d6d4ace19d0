namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// The production install <c>[MeshPlatform]</c> writes when a property is not set: the case study's IstioOperator, plus JSON
    /// access-log encoding and the mesh-wide STRICT mutual TLS it turns on. The attribute's property initializers hold the same
    /// values; a test keeps the two equal.
    /// </summary>
    public static class PlatformDefaults
    {
        public const string Name = "production-mesh";
        public const string Namespace = "istio-system";
        public const string Profile = "default";
        public const string AccessLogFile = "/dev/stdout";

        /// <summary><c>JSON</c>, as <c>MeshAttributes.AccessLogEncoding.Json</c>.</summary>
        public const int AccessLogEncoding = 1;

        public const string AccessLogFormat =
            "{\"timestamp\":\"%START_TIME%\",\"method\":\"%REQ(:METHOD)%\",\"path\":\"%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%\",\"protocol\":\"%PROTOCOL%\",\"response_code\":\"%RESPONSE_CODE%\",\"response_flags\":\"%RESPONSE_FLAGS%\",\"upstream_service\":\"%UPSTREAM_CLUSTER%\",\"duration_ms\":\"%DURATION%\",\"request_id\":\"%REQ(X-REQUEST-ID)%\",\"upstream_host\":\"%UPSTREAM_HOST%\"}";

        public const bool EnableAutoMtls = true;
        public const double TracingSampling = 10.0;
        public const bool HoldApplicationUntilProxyStarts = true;

        /// <summary><c>REGISTRY_ONLY</c>, as <c>OutboundTrafficPolicyMode.RegistryOnly</c>.</summary>
        public const int OutboundTrafficPolicy = 0;

        public const int PilotReplicaCount = 2;
        public const int PilotHpaMinReplicas = 2;
        public const int PilotHpaMaxReplicas = 5;
        public const string PilotRequestsCpu = "200m";
        public const string PilotRequestsMemory = "256Mi";
        public const string PilotLimitsCpu = "500m";
        public const string PilotLimitsMemory = "512Mi";

        public const string IngressGatewayName = "istio-ingressgateway";
        public const bool IngressGatewayEnabled = true;

        /// <summary>0: not written, the gateway's own autoscaler decides.</summary>
        public const int IngressGatewayReplicaCount = 0;

        public const string IngressGatewayRequestsCpu = "100m";
        public const string IngressGatewayRequestsMemory = "128Mi";
        public const string IngressGatewayLimitsCpu = "1000m";
        public const string IngressGatewayLimitsMemory = "256Mi";
        public const string IngressGatewayServiceType = "LoadBalancer";

        public const string ProxyRequestsCpu = "50m";
        public const string ProxyRequestsMemory = "64Mi";
        public const string ProxyLimitsCpu = "200m";
        public const string ProxyLimitsMemory = "128Mi";

        /// <summary><c>STRICT</c>, as <c>MutualTlsMode.Strict</c>.</summary>
        public const int MutualTls = 0;

        public const string MonitoringNamespace = "monitoring";

        /// <summary>The spec with every default and no injected namespace.</summary>
        public static PlatformSpec Spec => new(
            Name, Namespace, Profile, AccessLogFile, AccessLogEncoding, AccessLogFormat, EnableAutoMtls, TracingSampling,
            HoldApplicationUntilProxyStarts, OutboundTrafficPolicy,
            PilotReplicaCount, PilotHpaMinReplicas, PilotHpaMaxReplicas,
            new ResourcesSpec(PilotRequestsCpu, PilotRequestsMemory, PilotLimitsCpu, PilotLimitsMemory),
            IngressGatewayName, IngressGatewayEnabled, IngressGatewayReplicaCount,
            new ResourcesSpec(IngressGatewayRequestsCpu, IngressGatewayRequestsMemory, IngressGatewayLimitsCpu, IngressGatewayLimitsMemory),
            IngressGatewayServiceType,
            new ResourcesSpec(ProxyRequestsCpu, ProxyRequestsMemory, ProxyLimitsCpu, ProxyLimitsMemory),
            MutualTls, MonitoringNamespace, EquatableArray<string>.Empty);
    }
}
