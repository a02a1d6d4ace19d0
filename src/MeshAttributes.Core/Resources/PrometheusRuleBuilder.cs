using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The service's PrometheusRule (<c>monitoring.coreos.com/v1</c>): the case study's ServiceHighErrorRate,
    /// ServiceCriticalErrorRate, ServiceHighLatency and CircuitBreakerActive with the same windows, <c>for:</c>
    /// durations and severities, scoped to this one service and using its <c>[Alerting]</c> thresholds. Written for
    /// every service: without <c>[Alerting]</c> the case study's thresholds apply. The error rates count what callers
    /// see (<see cref="IstioQueries"/>); CircuitBreakerActive is there only when the service has outlier detection,
    /// as it can fire for no other. Every alert carries the service's <c>namespace</c>, the label Alertmanager groups
    /// and inhibits by; the resource carries the labels of <c>MeshPrometheusRuleLabels</c>, e.g. the one
    /// kube-prometheus-stack selects rules by.
    /// </summary>
    public sealed class PrometheusRuleBuilder : IResourceBuilder
    {
        public const string HighErrorRate = "ServiceHighErrorRate";
        public const string CriticalErrorRate = "ServiceCriticalErrorRate";
        public const string HighLatency = "ServiceHighLatency";
        public const string CircuitBreakerActive = "CircuitBreakerActive";

        public string FileName => "prometheusrule.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "Alerting", PrometheusRuleLabels.Property };

        /// <summary>The resource name: suffixed so it cannot clash with a team's own rules named after the service.</summary>
        public static string ResourceName(ServiceSpec service) => service.Name + "-mesh-alerts";

        public Node? Build(ServiceSpec service)
        {
            var t = AlertThresholds.For(service);
            string ns = IstioQueries.FixedNamespace(service);
            string where = $"{service.Name} (namespace {service.EffectiveNamespace})";
            string warning = AlertThresholds.Percent(t.ErrorRateWarning);
            string critical = AlertThresholds.Percent(t.ErrorRateCritical);
            string latency = IstioDuration.Format(t.LatencyP99Milliseconds);

            // Alertmanager groups and inhibits by `namespace`; the Istio metrics name it only as destination_service_namespace.
            var scope = new MapNode().Set("namespace", service.EffectiveNamespace);
            var rules = new SequenceNode()
                .Add(Rule(
                    HighErrorRate,
                    IstioQueries.ErrorRatio(service, ns, "5m", IstioQueries.ServiceLabels, "\n") + "\n> " + AlertThresholds.PromQlNumber(t.ErrorRateWarning) + "\n",
                    "2m",
                    "warning",
                    $"{service.Name} error rate above {warning}",
                    $"Error rate of {where} is {{{{ $value | humanizePercentage }}}}, above {warning} for the last 2 minutes",
                    t.RunbookUrl,
                    scope))
                .Add(Rule(
                    CriticalErrorRate,
                    IstioQueries.ErrorRatio(service, ns, "2m", IstioQueries.ServiceLabels, "\n") + "\n> " + AlertThresholds.PromQlNumber(t.ErrorRateCritical) + "\n",
                    "1m",
                    "critical",
                    $"CRITICAL: {service.Name} error rate above {critical}",
                    $"Error rate of {where} is {{{{ $value | humanizePercentage }}}}, above {critical} for the last minute",
                    t.RunbookUrl,
                    scope))
                .Add(Rule(
                    HighLatency,
                    "histogram_quantile(0.99,\n"
                    + "  sum(rate(" + IstioQueries.DurationBuckets + "{" + IstioQueries.ServiceSelector(service, ns) + "}[5m]))\n"
                    + "  by (" + IstioQueries.ServiceLabels + ", le)\n"
                    + ") > " + t.LatencyP99Milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n",
                    "3m",
                    "warning",
                    $"{service.Name} P99 latency above {latency}",
                    $"P99 latency of {where} has been above {latency} for 3 minutes",
                    t.RunbookUrl,
                    scope));
            if (ResilienceFeatures.HasOutlierDetection(service))
            {
                rules.Add(Rule(
                    CircuitBreakerActive,
                    "sum(" + IstioQueries.EjectionsActive + "{" + IstioQueries.OutboundClusterMatcher(service, Re2.Escape(service.EffectiveNamespace)) + "}) by (cluster_name) > 0\n",
                    "1m",
                    "warning",
                    "Circuit breaker active for {{ $labels.cluster_name }}",
                    $"Hosts of {where} are being ejected — upstream service may be unhealthy",
                    t.RunbookUrl,
                    // Envoy's metric names only the cluster: these labels let the alert be routed like the others.
                    new MapNode()
                        .Set("namespace", service.EffectiveNamespace)
                        .Set("destination_service_name", service.Name)
                        .Set("destination_service_namespace", service.EffectiveNamespace)));
            }

            // Invalid labels never get here: MESH004 refuses the file.
            var labels = PrometheusRuleLabels.Parse(service.PrometheusRuleLabels).Labels;
            return new MapNode()
                .Set("apiVersion", "monitoring.coreos.com/v1")
                .Set("kind", "PrometheusRule")
                .Set("metadata", ResourceMetadata.Metadata(service, ResourceName(service), labels))
                .Set("spec", new MapNode()
                    .Set("groups", new SequenceNode().Add(new MapNode()
                        .Set("name", service.Name + ".mesh-health")
                        .Set("interval", "30s")
                        .Set("rules", rules))));
        }

        /// <summary>One alerting rule in the case study's layout.</summary>
        public static MapNode Rule(string alert, string expr, string @for, string severity, string summary, string? description, string? runbookUrl, MapNode? extraLabels = null)
        {
            var labels = new MapNode().Set("severity", severity);
            if (extraLabels is not null)
            {
                for (int i = 0; i < extraLabels.Count; i++)
                {
                    labels.Set(extraLabels[i].Key, extraLabels[i].Value);
                }
            }

            return new MapNode()
                .Set("alert", alert)
                .Set("expr", expr)
                .Set("for", @for)
                .Set("labels", labels)
                .Set("annotations", new MapNode()
                    .Set("summary", summary)
                    .Set("description", description)
                    .Set("runbook_url", TemplateLiteral(runbookUrl)));
        }

        /// <summary>
        /// Text Prometheus shows as written: it expands every annotation as a Go template, so a <c>{{</c> in it is written as
        /// the action <c>{{ "{{" }}</c>, which prints <c>{{</c>. Nothing else in template text is special.
        /// </summary>
        public static string? TemplateLiteral(string? text) =>
            text is null || text.IndexOf("{{", System.StringComparison.Ordinal) < 0 ? text : text.Replace("{{", "{{ \"{{\" }}");
    }
}
