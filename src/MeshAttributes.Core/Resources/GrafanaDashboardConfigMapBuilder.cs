using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The dashboard as a ConfigMap labelled <c>grafana_dashboard: "1"</c>, the label kube-prometheus-stack's Grafana
    /// sidecar watches, so <c>kubectl apply -k</c> installs it. The data is byte for byte <c>dashboard.json</c>.
    /// </summary>
    public sealed class GrafanaDashboardConfigMapBuilder : IWrappingResourceBuilder
    {
        public const string SidecarLabel = "grafana_dashboard";

        public string FileName => "grafana-dashboard.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "Alerting" };

        /// <summary>Suffixed so it never clashes with a ConfigMap the application itself owns.</summary>
        public static string ResourceName(ServiceSpec service) => service.Name + "-grafana-dashboard";

        public string WrappedFileName => "dashboard.json";

        public Node? Build(ServiceSpec service) => Build(service, JsonRenderer.Render(GrafanaDashboardBuilder.BuildDashboard(service)));

        /// <summary>The ConfigMap around <paramref name="dashboardJson"/>, <c>dashboard.json</c> as rendered.</summary>
        public Node Build(ServiceSpec service, string dashboardJson)
        {
            MapNode metadata = ResourceMetadata.Metadata(service, ResourceName(service));
            for (int i = 0; i < metadata.Count; i++)
            {
                if (metadata[i].Key == "labels" && metadata[i].Value is MapNode labels)
                {
                    labels.Set(SidecarLabel, "1");
                }
            }

            return new MapNode()
                .Set("apiVersion", "v1")
                .Set("kind", "ConfigMap")
                .Set("metadata", metadata)
                .Set("data", new MapNode()
                    .Set(service.Name + ".json", dashboardJson));
        }
    }
}
