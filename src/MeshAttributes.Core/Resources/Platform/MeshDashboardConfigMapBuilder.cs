using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// The mesh overview dashboard as a ConfigMap labelled <c>grafana_dashboard: "1"</c> in the monitoring namespace, for the
    /// Grafana sidecar to load; its data is byte for byte <c>mesh-dashboard.json</c>.
    /// </summary>
    public sealed class MeshDashboardConfigMapBuilder : IPlatformResourceBuilder
    {
        public const string DataKey = "mesh-overview.json";

        public string FileName => "grafana-dashboard.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Properties { get; } = new[] { "Name", "MonitoringNamespace" };

        /// <summary>The file it carries, rendered before it.</summary>
        public string WrappedFileName => "mesh-dashboard.json";

        public Node Build(PlatformSpec platform) => Build(platform, JsonRenderer.Render(new MeshDashboardBuilder().Build(platform)));

        /// <summary>The ConfigMap around <paramref name="dashboardJson"/>, the dashboard as rendered.</summary>
        public Node Build(PlatformSpec platform, string dashboardJson) =>
            PlatformMetadata.Header("v1", "ConfigMap", platform.Name + "-grafana-dashboard", platform.MonitoringNamespace, platform,
                    new MapNode().Set(GrafanaDashboardConfigMapBuilder.SidecarLabel, "1"))
                .Set("data", new MapNode().Set(DataKey, dashboardJson));
    }
}
