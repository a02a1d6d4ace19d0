using MeshAttributes;

// shipping-service's mesh policy. The case study configures nothing for shipping-service, although its
// incident cascaded "across checkout, payments, and shipping"; these are the sample's own choices, in the
// case study's spirit. Budgets below count (Attempts + 1) tries x PerTryTimeout + up to 250ms back-off
// between tries, which must fit in the route's Timeout.
// No [MutualTls]: STRICT is the default, the case study's "100% mTLS coverage".

[assembly: MeshService("shipping-service")]

// outboundTrafficPolicy: REGISTRY_ONLY, the case study's mesh-wide setting, on the service's own Sidecar, so it holds in
// a mesh installed with Istio's default (ALLOW_ANY) too. The service reaches only what it declares with [DependsOn]:
// an undeclared call fails with 502 in the first test instead of going out past the callee's circuit breaker and mTLS.
[assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]

// Only checkout-service creates shipments and reads tracking (customers see tracking through checkout's
// GET /orders/{id}); everyone else is denied by an AuthorizationPolicy.
[assembly: AllowCaller("checkout-service")]

// Default route: 2 retries of 1s on 5xx,reset,connect-failure within 5s (3 x 1s + 2 x 250ms = 3.5s).
// These can replay a processed request, so POST api/shipments is [Idempotent] (Idempotency-Key) and the
// label purchase declares its own safe [Retry]. The single-shipment GET and tracking override parts of this.
[assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx,reset,connect-failure")]
[assembly: Timeout("5s")]

// Caps retries (MESH103) with a budget rather than a fixed count: at most 20% of active requests may be
// retries, and always at least 3 (Envoy's defaults for a budget, written out).
[assembly: RetryBudget(Percent = 20, MinRetryConcurrency = 3)]

// The case study had no circuit breakers, and "one slow service cascades failures everywhere". A pod that
// answers 502/503/504 three times in a row is ejected sooner than one returning other 5xx (5 in a row);
// gateway errors must stay below 5xx errors to mean anything (MESH105). At most half the hosts are ejected.
[assembly: CircuitBreaker(
    Consecutive5xxErrors = 5,
    ConsecutiveGatewayErrors = 3,
    Interval = "10s",
    BaseEjectionTime = "30s",
    MaxEjectionPercent = 50)]

// Carrier calls make shipping slower than the case study's 2s P99 alert threshold; alert at 3s instead.
// Error-rate thresholds keep the case study's 5% / 20%.
[assembly: Alerting(LatencyP99 = "3s")]
