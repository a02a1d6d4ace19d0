using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// The mesh-wide PrometheusRule (<c>istio-mesh-alerts</c>, the case study's name, in the monitoring namespace): the
    /// <see cref="MeshAlertRules"/> group, CircuitBreakerActive and MTLSCoverageDrop. Its metadata carries the labels of
    /// <c>MeshPrometheusRuleLabels</c>, as every service's PrometheusRule does, so the same Prometheus selector picks it up.
    /// </summary>
    public sealed class MeshPrometheusRuleBuilder : IPlatformResourceBuilder
    {
        public const string ResourceName = "istio-mesh-alerts";

        public string FileName => "prometheusrule.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Properties { get; } = new[] { "Name", "MonitoringNamespace", PrometheusRuleLabels.Property };

        public Node Build(PlatformSpec platform)
        {
            var labels = new MapNode();
            foreach (var label in PrometheusRuleLabels.Parse(platform.PrometheusRuleLabels).Labels)
            {
                labels.Set(label.Key, label.Value);
            }

            return PlatformMetadata.Header("monitoring.coreos.com/v1", "PrometheusRule", ResourceName, platform.MonitoringNamespace, platform, labels)
                .Set("spec", new MapNode().Set("groups", new SequenceNode().Add(MeshAlertRules.Group())));
        }
    }
}
