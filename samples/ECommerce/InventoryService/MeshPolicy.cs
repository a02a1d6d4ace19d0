using MeshAttributes;

// inventory-service's mesh policy. It reproduces the case study's DestinationRule "inventory-service"
// (Step 2, istio/destination-rules.yaml; seed/manifests/destination-rules.yaml) and sets nothing else:
// the seed leaves every other field unsaid, so Istio's defaults apply to them.
// No [Retry]/[Timeout]: the case study gives inventory-service no VirtualService.
// No [MutualTls]: STRICT is the default, the case study's "100% mTLS coverage".

[assembly: MeshService("inventory-service")]

// outboundTrafficPolicy: REGISTRY_ONLY, the case study's mesh-wide setting, on the service's own Sidecar, so it holds in
// a mesh installed with Istio's default (ALLOW_ANY) too. The service reaches only what it declares with [DependsOn]:
// an undeclared call fails with 502 in the first test instead of going out past the callee's circuit breaker and mTLS.
[assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]

// connectionPool: half of checkout's limits; inventory sits behind a database the case study's incident took
// down ("a database migration in the inventory service caused 4 hours of cascading failures").
// h2UpgradePolicy and maxRequestsPerConnection are deliberately absent, as in the seed.
[assembly: ConnectionPool(
    MaxConnections = 50,
    ConnectTimeout = "3s",
    Http1MaxPendingRequests = 25,
    Http2MaxRequests = 50,
    MaxRetries = 2)]

// outlierDetection: "stricter — inventory is critical": eject after 2 consecutive 5xx, checked every 5s, for
// 60s ("eject for longer"), never more than 30% of hosts. The case study credits this with ejecting inventory
// "within 30 seconds during a subsequent database migration". minHealthPercent unset, as in the seed.
[assembly: CircuitBreaker(
    Consecutive5xxErrors = 2,
    Interval = "5s",
    BaseEjectionTime = "60s",
    MaxEjectionPercent = 30)]

// loadBalancer.simple: ROUND_ROBIN.
[assembly: LoadBalancer(LoadBalancerPolicy.RoundRobin)]
