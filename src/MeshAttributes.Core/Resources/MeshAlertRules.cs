using MeshAttributes.Core.Documents;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// Alerts about the mesh as a whole, which no single service owns: the case study's MTLSCoverageDrop. The
    /// mesh-wide step (the CLI) writes them once; per-service output never includes them.
    /// </summary>
    public static class MeshAlertRules
    {
        public const string MtlsCoverageDropAlert = "MTLSCoverageDrop";
        public const double DefaultMinimumMtlsCoverage = 0.95;

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

        /// <summary>A PrometheusRule holding the mesh-wide alerts, for the mesh-wide step to write.</summary>
        public static MapNode PrometheusRule(string name = "mesh-alerts", string @namespace = "monitoring", double minimumCoverage = DefaultMinimumMtlsCoverage, string? runbookUrl = null) =>
            new MapNode()
                .Set("apiVersion", "monitoring.coreos.com/v1")
                .Set("kind", "PrometheusRule")
                .Set("metadata", new MapNode()
                    .Set("name", name)
                    .Set("namespace", @namespace)
                    .Set("labels", new MapNode().Set("app.kubernetes.io/managed-by", ResourceMetadata.ManagedBy)))
                .Set("spec", new MapNode()
                    .Set("groups", new SequenceNode().Add(new MapNode()
                        .Set("name", "service-mesh-health")
                        .Set("interval", "30s")
                        .Set("rules", new SequenceNode().Add(MtlsCoverageDrop(minimumCoverage, runbookUrl))))));
    }
}
