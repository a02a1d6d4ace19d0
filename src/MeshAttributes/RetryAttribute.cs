using System;

namespace MeshAttributes
{
    /// <summary>
    /// Mesh retries: the VirtualService route's <c>retries</c>. On the service it applies to the default
    /// route; on an endpoint (controller action, controller or minimal-API lambda) it gives the endpoint its
    /// own route and replaces the service's <c>[Retry]</c> there as a whole. Only the properties you set are
    /// written; without any <c>[Retry]</c> Istio retries twice on
    /// <c>connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class RetryAttribute : Attribute
    {
        /// <summary>
        /// <c>attempts</c>: the number of retries after the first try (Envoy's <c>num_retries</c>), so 3 means up to
        /// 4 tries; 0 disables retries.
        /// </summary>
        public int Attempts { get; set; }

        /// <summary>
        /// <c>perTryTimeout</c>: timeout of each try, an Istio duration such as <c>"2s"</c>. Defaults to the route timeout.
        /// </summary>
        public string? PerTryTimeout { get; set; }

        /// <summary>
        /// <c>retryOn</c>: comma-separated retry conditions without spaces, such as
        /// <c>"connect-failure,refused-stream"</c>, or HTTP status codes such as <c>"503"</c>.
        /// Only <c>connect-failure</c>, <c>refused-stream</c> and <c>reset-before-request</c> are safe on
        /// non-idempotent endpoints (POST, PATCH) not marked <see cref="IdempotentAttribute"/>.
        /// </summary>
        public string? RetryOn { get; set; }
    }
}
