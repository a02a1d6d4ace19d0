using System.Collections.Generic;

namespace MeshAttributes.PropertyTests.Inputs
{
    /// <summary>
    /// One random service as a user would declare it: every attribute value as written, in range or not (null: the
    /// attribute or property is not written). Turned into C# by <see cref="CSharpSource"/> and into Core's model by
    /// <see cref="CoreModel"/>; <see cref="Oracle.Expectation"/> says what must come out.
    /// </summary>
    internal sealed record ServiceCase(
        string Name,
        string? Namespace,
        int? Port,
        CircuitBreakerCase? CircuitBreaker,
        ConnectionPoolCase? ConnectionPool,
        int? LoadBalancer,
        RetryBudgetCase? RetryBudget,
        int? MutualTls,
        RetryCase? Retry,
        string? Timeout,
        IReadOnlyList<(string Service, string? Namespace)> DependsOn,
        IReadOnlyList<(string Service, string? Namespace, string? ServiceAccount)> AllowCallers,
        AlertingCase? Alerting,
        IReadOnlyList<EndpointCase> Endpoints);

    internal sealed record CircuitBreakerCase(int? Consecutive5xxErrors, int? ConsecutiveGatewayErrors, string? Interval, string? BaseEjectionTime, int? MaxEjectionPercent, int? MinHealthPercent);

    internal sealed record ConnectionPoolCase(int? MaxConnections, string? ConnectTimeout, int? H2UpgradePolicy, int? Http1MaxPendingRequests, int? Http2MaxRequests, int? MaxRequestsPerConnection, int? MaxRetries, string? IdleTimeout);

    internal sealed record RetryBudgetCase(double? Percent, int? MinRetryConcurrency);

    internal sealed record RetryCase(int? Attempts, string? PerTryTimeout, string? RetryOn);

    internal sealed record AlertingCase(double? ErrorRateWarning, double? ErrorRateCritical, string? LatencyP99, string? RunbookUrl);

    /// <summary>
    /// One endpoint: a controller action or a minimal-API handler, its HTTP methods (empty: any method), its route in
    /// segments, and its own [Retry]/[Timeout]/[Idempotent]. <see cref="PrefixSegments"/> of the segments go to the
    /// controller's [Route] or the MapGroup prefix, the rest to the action's or handler's own template.
    /// </summary>
    internal sealed record EndpointCase(
        bool Controller,
        IReadOnlyList<string> Methods,
        IReadOnlyList<SegmentCase> Segments,
        int PrefixSegments,
        RetryCase? Retry,
        string? Timeout,
        bool Idempotent);

    /// <summary>A route segment: literal text, or a parameter (<see cref="Template"/> as written, <see cref="Sample"/> a value it accepts).</summary>
    internal sealed record SegmentCase(string Template, string Sample, bool IsParameter);
}
