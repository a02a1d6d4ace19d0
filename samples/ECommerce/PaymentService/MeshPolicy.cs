using MeshAttributes;

// payment-service's mesh policy. It reproduces the case study's VirtualService "payment-service"
// (Step 2, "Retry policy for transient failures"; seed/manifests/payment-virtualservice.yaml).
// No [MutualTls]: STRICT is the default, the case study's "100% mTLS coverage".

[assembly: MeshService("payment-service")]

// outboundTrafficPolicy: REGISTRY_ONLY, the case study's mesh-wide setting, on the service's own Sidecar, so it holds in
// a mesh installed with Istio's default (ALLOW_ANY) too. The service reaches only what it declares with [DependsOn]:
// an undeclared call fails with 502 in the first test instead of going out past the callee's circuit breaker and mTLS.
[assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]

// The VirtualService's default route, as in the case study: up to 3 retries of 2s each on
// 5xx,reset,connect-failure,retriable-4xx, within "total timeout including retries" 10s.
// Budget: 4 tries x 2s = 8s, plus at most 3 x 250ms back-off = 8.75s <= 10s.
// 5xx, reset and retriable-4xx can replay a request the app already processed. The seed applies them to
// every route, POST included; here the card charge (PaymentsController.Charge) declares its own safe
// [Retry] instead, and POST /refunds keeps the replaying default because it honours an Idempotency-Key.
[assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset,connect-failure,retriable-4xx")]
[assembly: Timeout("10s")]

// Not in the case study: it has no DestinationRule for payment-service, and this attribute creates one.
// Without a cap Istio lets retries to payment-service grow unbounded (Envoy max_retries 2^32-1, MESH103);
// 3 outstanding retries at once matches checkout-service's cap in the case study.
[assembly: ConnectionPool(MaxRetries = 3)]
