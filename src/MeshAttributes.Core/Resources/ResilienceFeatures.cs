using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// What the service's DestinationRule turns on in its callers' proxies, which decides whether an Envoy statistic
    /// about it can ever move: an alert or a panel on a statistic that cannot move would only look reassuring.
    /// </summary>
    public static class ResilienceFeatures
    {
        /// <summary>
        /// The DestinationRule carries an <c>outlierDetection</c> that can eject hosts: <c>[CircuitBreaker]</c> with at
        /// least one value, and not both error counts switched off (<c>Consecutive5xxErrors = 0</c> turns the 5xx count
        /// off; the gateway-error count is off unless set above 0).
        /// </summary>
        public static bool HasOutlierDetection(ServiceSpec service) =>
            service.CircuitBreaker is { } cb
            && cb != new CircuitBreakerSpec(null, null, null, null, null, null)
            && !(cb.Consecutive5xxErrors == 0 && !(cb.ConsecutiveGatewayErrors > 0));

        /// <summary>
        /// Retries to the service are capped, so callers' proxies can refuse one (<c>upstream_rq_retry_overflow</c>):
        /// <c>ConnectionPool.MaxRetries</c> or a <c>[RetryBudget]</c> with a value. Without either, Istio sets Envoy's
        /// retry limit to 2^32-1 and nothing overflows.
        /// </summary>
        public static bool RetriesCapped(ServiceSpec service) =>
            service.ConnectionPool?.MaxRetries is not null
            || service.RetryBudget is { Percent: not null } or { MinRetryConcurrency: not null };
    }
}
