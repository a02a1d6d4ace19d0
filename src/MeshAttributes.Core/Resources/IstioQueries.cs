using System.Text;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The PromQL both the alerts and the dashboard use, so a panel always shows what an alert measures.
    /// Istio's standard metrics are scoped to the service by <c>destination_service_name</c> and
    /// <c>destination_service_namespace</c>. Errors are counted as the callers' proxies report them
    /// (<c>reporter="source"</c>): a 503 from a tripped circuit breaker or a full connection pool (response flags UO,
    /// UH, UF) and a 504 from a route timeout are made by the caller's proxy and never reach the service, so its own
    /// proxy (<c>reporter="destination"</c>) never counts them. Latency, request rate and mTLS coverage are the
    /// service's own proxy's view. The two reporters are never summed: every request through two proxies is reported
    /// by both. Envoy's cluster metrics are scoped by the callers' outbound clusters for the service, which Istio names
    /// <c>outbound|&lt;port&gt;|&lt;subset&gt;|&lt;service&gt;.&lt;namespace&gt;.svc.cluster.local</c>.
    /// </summary>
    public static class IstioQueries
    {
        public const string RequestsTotal = "istio_requests_total";
        public const string DurationBuckets = "istio_request_duration_milliseconds_bucket";
        public const string EjectionsActive = "envoy_cluster_outlier_detection_ejections_active";
        public const string ConnectionOverflow = "envoy_cluster_upstream_cx_overflow";
        public const string PendingOverflow = "envoy_cluster_upstream_rq_pending_overflow";
        public const string RetryOverflow = "envoy_cluster_upstream_rq_retry_overflow";

        /// <summary>The labels every alert groups by, so an alert names the service and its namespace.</summary>
        public const string ServiceLabels = "destination_service_namespace, destination_service_name";

        /// <summary>
        /// The label matchers that select the service's requests as its own proxy reports them. <paramref name="namespaceMatcher"/>
        /// is the whole matcher for the namespace, e.g. <c>="default"</c> in an alert or <c>=~"$namespace"</c> in a dashboard.
        /// </summary>
        public static string ServiceSelector(ServiceSpec service, string namespaceMatcher, string? extra = null) =>
            Selector("destination", service, namespaceMatcher, extra);

        /// <summary>
        /// The label matchers that select the service's requests as its callers' proxies report them, including the
        /// responses those proxies made themselves (circuit breaker, pool overflow, timeout). <paramref name="namespaceMatcher"/>
        /// as for <see cref="ServiceSelector"/>.
        /// </summary>
        public static string CallerSelector(ServiceSpec service, string namespaceMatcher, string? extra = null) =>
            Selector("source", service, namespaceMatcher, extra);

        /// <summary>The matcher for exactly the service's namespace, as alerts use it.</summary>
        public static string FixedNamespace(ServiceSpec service) => "=\"" + service.EffectiveNamespace + "\"";

        /// <summary>
        /// A <c>cluster_name</c> matcher for the callers' outbound clusters of the service (any port, any subset), as
        /// a PromQL double-quoted string: RE2 is anchored by Prometheus, so <c>inventory-service-v2</c> and the
        /// inbound clusters never match. <paramref name="namespaceRegex"/> is a regex for the namespace part,
        /// already escaped (a literal namespace from <see cref="Re2.Escape"/>, or a dashboard variable).
        /// </summary>
        public static string OutboundClusterMatcher(ServiceSpec service, string namespaceRegex) =>
            "cluster_name=~\"" + EscapeForPromQlString(
                "outbound\\|[0-9]+\\|[^|]*\\|" + Re2.Escape(service.Name) + "\\." + namespaceRegex + "\\.svc\\.cluster\\.local") + "\"";

        /// <summary>The share of the callers' requests answered 5xx over <paramref name="window"/>, grouped by <paramref name="by"/>.</summary>
        public static string ErrorRatio(ServiceSpec service, string namespaceMatcher, string window, string by, string separator) =>
            "sum(rate(" + RequestsTotal + "{" + CallerSelector(service, namespaceMatcher, "response_code=~\"5..\"") + "}[" + window + "])) by (" + by + ")"
            + separator + "/" + separator
            + "sum(rate(" + RequestsTotal + "{" + CallerSelector(service, namespaceMatcher) + "}[" + window + "])) by (" + by + ")";

        /// <summary>A latency quantile in milliseconds over <paramref name="window"/>.</summary>
        public static string LatencyQuantile(ServiceSpec service, string namespaceMatcher, string quantile, string window, string by) =>
            "histogram_quantile(" + quantile + ", sum(rate(" + DurationBuckets + "{" + ServiceSelector(service, namespaceMatcher) + "}[" + window + "])) by (" + by + ", le))";

        private static string Selector(string reporter, ServiceSpec service, string namespaceMatcher, string? extra)
        {
            var sb = new StringBuilder("reporter=\"").Append(reporter).Append("\",destination_service_namespace")
                .Append(namespaceMatcher)
                .Append(",destination_service_name=\"").Append(service.Name).Append('"');
            if (extra is not null)
            {
                sb.Append(',').Append(extra);
            }

            return sb.ToString();
        }

        // PromQL double-quoted strings use Go escapes: a regex backslash is written twice.
        private static string EscapeForPromQlString(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
