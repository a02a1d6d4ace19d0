using MeshAttributes;

// ON PURPOSE UNSAFE: each attribute below triggers the warning named beside it. See docs/rules/.

[assembly: MeshService("unsafe-payments")]

// MESH101: 4 tries of 4s need 16s+ but the route timeout is 10s.
// MESH103: nothing caps these retries (no ConnectionPool.MaxRetries, no [RetryBudget]).
// MESH100: "5xx,reset" replays POST /charges, which is neither [Idempotent] nor given its own safe [Retry].
[assembly: Retry(Attempts = 3, PerTryTimeout = "4s", RetryOn = "5xx,reset")]
[assembly: Timeout("10s")]

// MESH104: every host may be ejected ("503 no healthy upstream").
// MESH105: gateway errors are 5xx too; 5 consecutive gateway errors never trip before 3 consecutive 5xx.
[assembly: CircuitBreaker(Consecutive5xxErrors = 3, ConsecutiveGatewayErrors = 5, MaxEjectionPercent = 100)]

// MESH106: plain-text callers are accepted.
[assembly: MutualTls(MutualTlsMode.Permissive)]

[assembly: DependsOn("unsafe-ledger")]

// A platform-style declaration of the service this one calls.
// MESH102: retries with no route Timeout (Istio's is off by default). MESH103 again: uncapped.
// MESH107 (see Program.cs): the app also retries its calls to it.
[MeshService("unsafe-ledger")]
[Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure,refused-stream")]
internal sealed class UnsafeLedger
{
}
