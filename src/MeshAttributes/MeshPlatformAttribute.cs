using System;

namespace MeshAttributes
{
    /// <summary>
    /// Declares the mesh's control plane and mesh-wide resources, as a platform project's only service declaration. The build
    /// writes <c>$(MeshManifestsOutputPath)platform/</c>: <c>istio-operator.yaml</c> for <c>istioctl install -f</c>, a
    /// PeerAuthentication in the root namespace, a <c>Namespace</c> per <see cref="InjectNamespaceAttribute"/>, the mesh-wide
    /// PrometheusRule, the mesh overview dashboard, a PodMonitor for the sidecars and a <c>kustomization.yaml</c>.
    /// </summary>
    /// <remarks>
    /// Each property is named after its IstioOperator field (MeshConfig's for <c>meshConfig</c>, the component name first for
    /// <c>components</c>, <c>Proxy</c> for <c>values.global.proxy</c>) and its default is a production install's value: every
    /// property is written, so the file says the whole install. A resource quantity is Kubernetes' (<c>"200m"</c>, <c>"256Mi"</c>).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
    public sealed class MeshPlatformAttribute : Attribute
    {
        /// <summary>The IstioOperator's <c>metadata.name</c>. Default <c>production-mesh</c>.</summary>
        public string Name { get; set; } = "production-mesh";

        /// <summary>
        /// The IstioOperator's <c>metadata.namespace</c>, where istiod runs; the mesh-wide PeerAuthentication goes there too (Istio's
        /// root namespace). Default <c>istio-system</c>.
        /// </summary>
        public string Namespace { get; set; } = "istio-system";

        /// <summary><c>spec.profile</c>: the built-in profile the install starts from. Default <c>default</c>.</summary>
        public string Profile { get; set; } = "default";

        /// <summary><c>meshConfig.accessLogFile</c>: where every proxy writes its access log. Default <c>/dev/stdout</c>.</summary>
        public string AccessLogFile { get; set; } = "/dev/stdout";

        /// <summary><c>meshConfig.accessLogEncoding</c>. Default <see cref="MeshAttributes.AccessLogEncoding.Json"/>.</summary>
        public AccessLogEncoding AccessLogEncoding { get; set; } = AccessLogEncoding.Json;

        /// <summary>
        /// <c>meshConfig.accessLogFormat</c>: Envoy command operators; with JSON encoding, a JSON object whose values are operators.
        /// Default: timestamp, method, path, protocol, response code and flags, upstream cluster and host, duration and request id.
        /// </summary>
        public string AccessLogFormat { get; set; } =
            "{\"timestamp\":\"%START_TIME%\",\"method\":\"%REQ(:METHOD)%\",\"path\":\"%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%\",\"protocol\":\"%PROTOCOL%\",\"response_code\":\"%RESPONSE_CODE%\",\"response_flags\":\"%RESPONSE_FLAGS%\",\"upstream_service\":\"%UPSTREAM_CLUSTER%\",\"duration_ms\":\"%DURATION%\",\"request_id\":\"%REQ(X-REQUEST-ID)%\",\"upstream_host\":\"%UPSTREAM_HOST%\"}";

        /// <summary><c>meshConfig.enableAutoMtls</c>: clients use mutual TLS wherever the server accepts it. Default <c>true</c>.</summary>
        public bool EnableAutoMtls { get; set; } = true;

        /// <summary><c>meshConfig.defaultConfig.tracing.sampling</c>: the percentage (0–100) of requests traced. Default <c>10</c>.</summary>
        public double TracingSampling { get; set; } = 10.0;

        /// <summary>
        /// <c>meshConfig.defaultConfig.holdApplicationUntilProxyStarts</c>: the app container starts once its sidecar is ready, so
        /// its first outbound calls do not fail. Default <c>true</c>.
        /// </summary>
        public bool HoldApplicationUntilProxyStarts { get; set; } = true;

        /// <summary><c>meshConfig.outboundTrafficPolicy.mode</c>. Default <see cref="OutboundTrafficPolicyMode.RegistryOnly"/>.</summary>
        public OutboundTrafficPolicyMode OutboundTrafficPolicy { get; set; } = OutboundTrafficPolicyMode.RegistryOnly;

        /// <summary><c>components.pilot.k8s.replicaCount</c>: istiod's replicas. Default <c>2</c>.</summary>
        public int PilotReplicaCount { get; set; } = 2;

        /// <summary><c>components.pilot.k8s.hpaSpec.minReplicas</c>. Default <c>2</c>.</summary>
        public int PilotHpaMinReplicas { get; set; } = 2;

        /// <summary><c>components.pilot.k8s.hpaSpec.maxReplicas</c>. Default <c>5</c>.</summary>
        public int PilotHpaMaxReplicas { get; set; } = 5;

        /// <summary><c>components.pilot.k8s.resources.requests.cpu</c>. Default <c>200m</c>.</summary>
        public string PilotRequestsCpu { get; set; } = "200m";

        /// <summary><c>components.pilot.k8s.resources.requests.memory</c>. Default <c>256Mi</c>.</summary>
        public string PilotRequestsMemory { get; set; } = "256Mi";

        /// <summary><c>components.pilot.k8s.resources.limits.cpu</c>. Default <c>500m</c>.</summary>
        public string PilotLimitsCpu { get; set; } = "500m";

        /// <summary><c>components.pilot.k8s.resources.limits.memory</c>. Default <c>512Mi</c>.</summary>
        public string PilotLimitsMemory { get; set; } = "512Mi";

        /// <summary><c>components.ingressGateways[0].name</c>. Default <c>istio-ingressgateway</c>.</summary>
        public string IngressGatewayName { get; set; } = "istio-ingressgateway";

        /// <summary><c>components.ingressGateways[0].enabled</c>. Default <c>true</c>.</summary>
        public bool IngressGatewayEnabled { get; set; } = true;

        /// <summary>
        /// <c>components.ingressGateways[0].k8s.replicaCount</c>. Default <c>0</c>: not written, so the gateway's own autoscaler
        /// decides (Istio's default, 1 to 5).
        /// </summary>
        public int IngressGatewayReplicaCount { get; set; }

        /// <summary><c>components.ingressGateways[0].k8s.resources.requests.cpu</c>. Default <c>100m</c>.</summary>
        public string IngressGatewayRequestsCpu { get; set; } = "100m";

        /// <summary><c>components.ingressGateways[0].k8s.resources.requests.memory</c>. Default <c>128Mi</c>.</summary>
        public string IngressGatewayRequestsMemory { get; set; } = "128Mi";

        /// <summary><c>components.ingressGateways[0].k8s.resources.limits.cpu</c>. Default <c>1000m</c>.</summary>
        public string IngressGatewayLimitsCpu { get; set; } = "1000m";

        /// <summary><c>components.ingressGateways[0].k8s.resources.limits.memory</c>. Default <c>256Mi</c>.</summary>
        public string IngressGatewayLimitsMemory { get; set; } = "256Mi";

        /// <summary>
        /// <c>components.ingressGateways[0].k8s.service.type</c>. Default <c>LoadBalancer</c>; the service's ports are port 80 to
        /// 8080 (<c>http2</c>) and 443 to 8443 (<c>https</c>).
        /// </summary>
        public string IngressGatewayServiceType { get; set; } = "LoadBalancer";

        /// <summary><c>values.global.proxy.resources.requests.cpu</c>: every sidecar's. Default <c>50m</c>.</summary>
        public string ProxyRequestsCpu { get; set; } = "50m";

        /// <summary><c>values.global.proxy.resources.requests.memory</c>. Default <c>64Mi</c>.</summary>
        public string ProxyRequestsMemory { get; set; } = "64Mi";

        /// <summary><c>values.global.proxy.resources.limits.cpu</c>. Default <c>200m</c>.</summary>
        public string ProxyLimitsCpu { get; set; } = "200m";

        /// <summary><c>values.global.proxy.resources.limits.memory</c>. Default <c>128Mi</c>.</summary>
        public string ProxyLimitsMemory { get; set; } = "128Mi";

        /// <summary>
        /// The mesh-wide PeerAuthentication's <c>mtls.mode</c> (named <c>default</c>, in <see cref="Namespace"/>): what every
        /// workload accepts unless its own PeerAuthentication says otherwise. Default <see cref="MutualTlsMode.Strict"/>.
        /// </summary>
        public MutualTlsMode MutualTls { get; set; } = MutualTlsMode.Strict;

        /// <summary>
        /// The namespace of the mesh PrometheusRule, the dashboard ConfigMap and the PodMonitor: the one your Prometheus Operator
        /// and Grafana sidecar watch. Default <c>monitoring</c>.
        /// </summary>
        public string MonitoringNamespace { get; set; } = "monitoring";
    }
}
