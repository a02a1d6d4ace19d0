using MeshAttributes;

// checkout-service's mesh policy. It reproduces the case study's DestinationRule "checkout-service"
// (Step 2, istio/destination-rules.yaml; seed/manifests/destination-rules.yaml).
// No [Retry]/[Timeout]: the case study gives checkout-service no VirtualService.
// No [MutualTls]: STRICT is the default, the case study's "100% mTLS coverage".

[assembly: MeshService("checkout-service")]

// outboundTrafficPolicy: REGISTRY_ONLY, the case study's mesh-wide setting, on the service's own Sidecar, so it holds in
// a mesh installed with Istio's default (ALLOW_ANY) too. The service reaches only what it declares with [DependsOn]:
// an undeclared call fails with 502 in the first test instead of going out past the callee's circuit breaker and mTLS.
[assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]

// connectionPool: "prevent one slow consumer from exhausting connections". H2UpgradePolicy.Default is
// written out although it is the enum's zero value: only the properties set are emitted, and the seed says
// h2UpgradePolicy: DEFAULT. maxRetries caps the retries in flight to checkout-service at 3.
[assembly: ConnectionPool(
    MaxConnections = 100,
    ConnectTimeout = "5s",
    H2UpgradePolicy = H2UpgradePolicy.Default,
    Http1MaxPendingRequests = 50,
    Http2MaxRequests = 100,
    MaxRequestsPerConnection = 10,
    MaxRetries = 3)]

// outlierDetection: "eject hosts that start failing" - after 3 consecutive 5xx, checked every 10s, for at
// least 30s, never more than 50% of hosts, and only while more than 30% of hosts are healthy.
[assembly: CircuitBreaker(
    Consecutive5xxErrors = 3,
    Interval = "10s",
    BaseEjectionTime = "30s",
    MaxEjectionPercent = 50,
    MinHealthPercent = 30)]

// loadBalancer.simple: LEAST_REQUEST (Istio's default, stated as the seed states it).
[assembly: LoadBalancer(LoadBalancerPolicy.LeastRequest)]

// The dependency chain the case study's team could not see during the incident ("4 hours of cascading
// failures across checkout, payments, and shipping"). Each becomes a Sidecar egress host (the only
// hosts REGISTRY_ONLY lets it reach) and an edge of the mesh dependency graph.
[assembly: DependsOn("inventory-service")]
[assembly: DependsOn("payment-service")]
[assembly: DependsOn("shipping-service")]
