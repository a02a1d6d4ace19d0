namespace MeshAttributes.Core.Model
{
    /// <summary><c>[CircuitBreaker]</c>: the DestinationRule's <c>outlierDetection</c>.</summary>
    public sealed record CircuitBreakerSpec(
        int? Consecutive5xxErrors,
        int? ConsecutiveGatewayErrors,
        string? Interval,
        string? BaseEjectionTime,
        int? MaxEjectionPercent,
        int? MinHealthPercent);
}
