using MeshAttributes.Core.Documents;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The alerts about the mesh as a whole, which no single service owns: the case study's CircuitBreakerActive over every
    /// outbound cluster, and MTLSCoverageDrop. The platform project writes them (<c>platform/prometheusrule.yaml</c>); a service's
    /// own PrometheusRule holds its CircuitBreakerActive scoped to the service's clusters.
    /// </summary>
    public static class MeshAlertRules
    {
        public const string GroupName = "service-mesh-health";
        public const string CircuitBreakerActiveAlert = PrometheusRuleBuilder.CircuitBreakerActive;
        public const string MtlsCoverageDropAlert = "MTLSCoverageDrop";
        public const double DefaultMinimumMtlsCoverage = 0.95;

        /// <summary>
        /// CircuitBreakerActive over every outbound cluster of every proxy, for services declared nowhere in C#. Inbound clusters
        /// and Istio's own (<c>xds-grpc</c>, <c>BlackHoleCluster</c>) never eject, so only <c>outbound|…</c> ones are summed.
        /// </summary>
        public static MapNode CircuitBreakerActive(string? runbookUrl = null) =>
            PrometheusRuleBuilder.Rule(
                CircuitBreakerActiveAlert,
                "sum(" + IstioQueries.EjectionsActive + "{cluster_name=~\"outbound\\\\|.*\"}) by (cluster_name) > 0\n",
                "1m",
                "warning",
                "Circuit breaker active for {{ $labels.cluster_name }}",
                "Hosts are being ejected — upstream service may be unhealthy",
                runbookUrl);

        /// <summary>
        /// MTLSCoverageDrop. Unlike the case study, both sides count only <c>reporter="destination"</c>: Istio sets
        /// <c>connection_security_policy</c> only on the server side (the client side reports <c>unknown</c>), so the
        /// case study's ratio over all reporters stays near 50% and the alert would always fire.
        /// </summary>
        public static MapNode MtlsCoverageDrop(double minimumCoverage = DefaultMinimumMtlsCoverage, string? runbookUrl = null) =>
            PrometheusRuleBuilder.Rule(
                MtlsCoverageDropAlert,
                "sum(rate(" + IstioQueries.RequestsTotal + "{reporter=\"destination\",connection_security_policy=\"mutual_tls\"}[10m]))\n"
                + "/\n"
                + "sum(rate(" + IstioQueries.RequestsTotal + "{reporter=\"destination\"}[10m]))\n"
                + "< " + AlertThresholds.PromQlNumber(minimumCoverage) + "\n",
                "5m",
                "warning",
                "mTLS coverage dropped below " + AlertThresholds.Percent(minimumCoverage),
                "Some services may be communicating without encryption",
                runbookUrl);

        /// <summary>The rule group holding both alerts, evaluated every 30s as in the case study.</summary>
        public static MapNode Group(double minimumCoverage = DefaultMinimumMtlsCoverage, string? runbookUrl = null) =>
            new MapNode()
                .Set("name", GroupName)
                .Set("interval", "30s")
                .Set("rules", new SequenceNode()
                    .Add(CircuitBreakerActive(runbookUrl))
                    .Add(MtlsCoverageDrop(minimumCoverage, runbookUrl)));

        /// <summary>A PrometheusRule holding the mesh-wide alerts.</summary>
        public static MapNode PrometheusRule(string name = "mesh-alerts", string @namespace = "monitoring", double minimumCoverage = DefaultMinimumMtlsCoverage, string? runbookUrl = null) =>
            new MapNode()
                .Set("apiVersion", "monitoring.coreos.com/v1")
                .Set("kind", "PrometheusRule")
                .Set("metadata", new MapNode()
                    .Set("name", name)
                    .Set("namespace", @namespace)
                    .Set("labels", new MapNode().Set("app.kubernetes.io/managed-by", ResourceMetadata.ManagedBy)))
                .Set("spec", new MapNode()
                    .Set("groups", new SequenceNode().Add(Group(minimumCoverage, runbookUrl))));
    }
}
