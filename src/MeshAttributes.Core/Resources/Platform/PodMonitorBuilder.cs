using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>
    /// A Prometheus Operator PodMonitor (<c>monitoring.coreos.com/v1</c>) that scrapes every proxy of every namespace: the port
    /// the injected <c>istio-proxy</c> container (and each gateway) names <c>http-envoy-prom</c> (15090), path
    /// <c>/stats/prometheus</c>. That endpoint carries Istio's standard metrics (<c>istio_requests_total</c>,
    /// <c>istio_request_duration_milliseconds_*</c>) and the Envoy statistics the proxies keep (<c>envoy_cluster_*</c>): all the
    /// mesh alerts and dashboards read. The pod selector is empty: only containers that declare the port become targets.
    /// Istio's merged endpoint (15020, through the <c>prometheus.io</c> annotations) also carries the application's own metrics,
    /// which the application's monitor may already scrape, so it is not used.
    /// </summary>
    public sealed class PodMonitorBuilder : IPlatformResourceBuilder
    {
        public const string PortName = "http-envoy-prom";
        public const string Path = "/stats/prometheus";

        public string FileName => "podmonitor.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Properties { get; } = new[] { "Name", "MonitoringNamespace" };

        public Node Build(PlatformSpec platform) =>
            PlatformMetadata.Header("monitoring.coreos.com/v1", "PodMonitor", "istio-proxies", platform.MonitoringNamespace, platform)
                .Set("spec", new MapNode()
                    .Set("namespaceSelector", new MapNode().Set("any", true))
                    .Set("selector", new MapNode())
                    .Set("podMetricsEndpoints", new SequenceNode().Add(new MapNode()
                        .Set("port", PortName)
                        .Set("path", Path)
                        .Set("interval", "15s"))));
    }
}
