using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The service's Grafana dashboard (<c>dashboard.json</c>, not a Kubernetes resource): the case study's panels
    /// and PromQL — request rate, 5xx error rate, P50/P95/P99 latency, circuit-breaker ejections, connection-pool
    /// overflow, mTLS coverage — filtered to this service, with a <c>namespace</c> variable, <c>refresh: 10s</c> and
    /// <c>now-1h</c>. The error-rate panel counts what callers see, as the alerts do. The ejections panel is there
    /// only with outlier detection and a retry-overflow panel only where retries are capped: a statistic that cannot
    /// move is not drawn. The uid and each panel's id depend only on the service name and the panel, so re-generation
    /// never churns and the same service deployed to several namespaces shares one dashboard. The error-rate and P99
    /// panels draw the service's <c>[Alerting]</c> thresholds.
    /// </summary>
    public sealed class GrafanaDashboardBuilder : IResourceBuilder
    {
        public const string DatasourceVariable = "datasource";
        public const string NamespaceVariable = "namespace";

        // Grafana 10.4 / 11.0: older Grafanas migrate forward; a newer number could confuse them.
        internal const int SchemaVersion = 39;

        public string FileName => "dashboard.json";

        public OutputFormat Format => OutputFormat.Json;

        public bool IsKubernetesResource => false;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "Alerting" };

        public Node? Build(ServiceSpec service) => BuildDashboard(service);

        /// <summary>The dashboard document; the ConfigMap builder embeds the same one.</summary>
        public static MapNode BuildDashboard(ServiceSpec service)
        {
            var t = AlertThresholds.For(service);
            string ns = "=\"$" + NamespaceVariable + "\"";
            string by = "destination_service_name";
            string sel = IstioQueries.ServiceSelector(service, ns);
            string clusters = IstioQueries.OutboundClusterMatcher(service, "$" + NamespaceVariable);

            var panels = new SequenceNode()
                .Add(TimeSeries(1, "Request Rate (req/s)", 0, 0, 12, "reqps", null,
                    Target("A", "sum(rate(" + IstioQueries.RequestsTotal + "{" + sel + "}[5m])) by (" + by + ")", "{{destination_service_name}}")))
                .Add(TimeSeries(2, "Error Rate (5xx %)", 12, 0, 12, "percent",
                    Thresholds(("green", 0), ("yellow", Percent(t.ErrorRateWarning)), ("red", Percent(t.ErrorRateCritical))),
                    Target("A", IstioQueries.ErrorRatio(service, ns, "5m", by, " ") + " * 100", "{{destination_service_name}}")))
                .Add(TimeSeries(3, "P50 Latency (ms)", 0, 8, 8, "ms", null,
                    Target("A", IstioQueries.LatencyQuantile(service, ns, "0.50", "5m", by), "{{destination_service_name}}")))
                .Add(TimeSeries(4, "P95 Latency (ms)", 8, 8, 8, "ms", null,
                    Target("A", IstioQueries.LatencyQuantile(service, ns, "0.95", "5m", by), "{{destination_service_name}}")))
                .Add(TimeSeries(5, "P99 Latency (ms)", 16, 8, 8, "ms",
                    Thresholds(("green", 0), ("red", t.LatencyP99Milliseconds)),
                    Target("A", IstioQueries.LatencyQuantile(service, ns, "0.99", "5m", by), "{{destination_service_name}}")));

            // The caller-side Envoy panels share one row.
            var upstream = new List<(int Id, string Title, string Unit, MapNode[] Targets)>();
            if (ResilienceFeatures.HasOutlierDetection(service))
            {
                upstream.Add((6, "Circuit Breaker Ejections", "short", new[]
                {
                    Target("A", "sum(" + IstioQueries.EjectionsActive + "{" + clusters + "}) by (cluster_name)", "{{cluster_name}}"),
                }));
            }

            upstream.Add((7, "Connection Pool Overflow", "ops", new[]
            {
                Target("A", "sum(rate(" + IstioQueries.ConnectionOverflow + "{" + clusters + "}[5m])) by (cluster_name)", "{{cluster_name}} overflow"),
                Target("B", "sum(rate(" + IstioQueries.PendingOverflow + "{" + clusters + "}[5m])) by (cluster_name)", "{{cluster_name}} pending overflow"),
            }));
            if (ResilienceFeatures.RetriesCapped(service))
            {
                upstream.Add((9, "Retry Overflow", "ops", new[]
                {
                    Target("A", "sum(rate(" + IstioQueries.RetryOverflow + "{" + clusters + "}[5m])) by (cluster_name)", "{{cluster_name}} retries refused"),
                }));
            }

            int width = 24 / upstream.Count;
            for (int i = 0; i < upstream.Count; i++)
            {
                panels.Add(TimeSeries(upstream[i].Id, upstream[i].Title, i * width, 16, width, upstream[i].Unit, null, upstream[i].Targets));
            }

            // Rates, not the counters' lifetime totals: a pod restart or a day of plaintext long ago must not hide today's share.
            panels.Add(Stat(8, "mTLS Coverage", 0, 24,
                Target("A",
                    "sum(rate(" + IstioQueries.RequestsTotal + "{" + IstioQueries.ServiceSelector(service, ns, "connection_security_policy=\"mutual_tls\"") + "}[5m]))"
                    + " / sum(rate(" + IstioQueries.RequestsTotal + "{" + sel + "}[5m])) * 100",
                    "mTLS %",
                    instant: true)));

            string variableQuery = "label_values(" + IstioQueries.RequestsTotal + "{destination_service_name=\"" + service.Name + "\"}, destination_service_namespace)";
            var templating = new SequenceNode()
                .Add(new MapNode()
                    .Set("type", "datasource")
                    .Set("name", DatasourceVariable)
                    .Set("label", "Data source")
                    .Set("query", "prometheus"))
                .Add(new MapNode()
                    .Set("type", "query")
                    .Set("name", NamespaceVariable)
                    .Set("label", "Namespace")
                    .Set("datasource", Datasource())
                    .Set("query", variableQuery)
                    .Set("definition", variableQuery)
                    .Set("current", new MapNode()
                        .Set("selected", true)
                        .Set("text", service.EffectiveNamespace)
                        .Set("value", service.EffectiveNamespace))
                    // 1: on dashboard load, so a namespace the service moved to appears without editing the dashboard.
                    .Set("refresh", 1)
                    .Set("sort", 1));

            return new MapNode()
                .Set("uid", Uid(service.Name))
                .Set("title", service.Name + " — Service Mesh")
                .Set("description", "Istio metrics of " + service.Name + ", generated by MeshAttributes from its attributes. Edit those attributes, not this dashboard: the next build rewrites it.")
                .Set("tags", new SequenceNode().Add("meshattributes").Add("istio").Add(service.Name))
                .Set("timezone", "browser")
                .Set("editable", true)
                .Set("graphTooltip", 1)
                .Set("time", new MapNode().Set("from", "now-1h").Set("to", "now"))
                .Set("refresh", "10s")
                .Set("schemaVersion", SchemaVersion)
                .Set("version", 1)
                .Set("templating", new MapNode().Set("list", templating))
                .Set("annotations", BuiltInAnnotations())
                .Set("panels", panels);
        }

        /// <summary>Grafana's built-in "Annotations &amp; Alerts", which every dashboard carries.</summary>
        internal static MapNode BuiltInAnnotations() =>
            new MapNode().Set("list", new SequenceNode().Add(new MapNode()
                .Set("builtIn", 1)
                .Set("datasource", new MapNode().Set("type", "grafana").Set("uid", "-- Grafana --"))
                .Set("enable", true)
                .Set("hide", true)
                .Set("iconColor", "rgba(0, 211, 255, 1)")
                .Set("name", "Annotations & Alerts")
                .Set("type", "dashboard")));

        /// <summary>
        /// A Grafana uid (at most 40 characters of <c>[a-z0-9-]</c>) from the service name alone: a readable prefix and
        /// an FNV-1a hash of the whole name, so two long names sharing a prefix still differ.
        /// </summary>
        public static string Uid(string serviceName)
        {
            uint hash = 2166136261;
            foreach (byte b in Encoding.UTF8.GetBytes(serviceName))
            {
                hash = unchecked((hash ^ b) * 16777619);
            }

            var slug = new StringBuilder();
            foreach (char c in serviceName.ToLowerInvariant())
            {
                slug.Append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
            }

            string prefix = slug.Length > 26 ? slug.ToString(0, 26) : slug.ToString();
            return "mesh-" + prefix + "-" + hash.ToString("x8", CultureInfo.InvariantCulture);
        }

        // Through decimal, so 0.07 draws its line at 7 and not at 7.000000000000001.
        internal static double Percent(double ratio) => (double)((decimal)ratio * 100m);

        internal static MapNode Datasource() =>
            new MapNode().Set("type", "prometheus").Set("uid", "${" + DatasourceVariable + "}");

        internal static MapNode Target(string refId, string expr, string legend, bool instant = false) =>
            new MapNode()
                .Set("refId", refId)
                .Set("datasource", Datasource())
                .Set("expr", expr)
                .Set("legendFormat", legend)
                // A stat shows one number: an instant query, not a range to reduce.
                .Set(instant ? "instant" : "range", true);

        internal static MapNode Thresholds(params (string Color, double Value)[] steps)
        {
            var list = new SequenceNode();
            foreach (var (color, value) in steps)
            {
                // The first step is Grafana's base whatever its value; 0 stands in for null, which these documents cannot hold.
                list.Add(new MapNode().Set("color", color).Set("value", value));
            }

            return new MapNode().Set("mode", "absolute").Set("steps", list);
        }

        internal static MapNode TimeSeries(int id, string title, int x, int y, int w, string unit, MapNode? thresholds, params MapNode[] queries)
        {
            var targets = new SequenceNode();
            foreach (MapNode query in queries)
            {
                targets.Add(query);
            }

            var custom = new MapNode()
                .Set("drawStyle", "line")
                .Set("lineWidth", 1)
                .Set("fillOpacity", 10)
                .Set("showPoints", "never")
                .Set("thresholdsStyle", new MapNode().Set("mode", thresholds is null ? "off" : "line"));
            return Panel(id, "timeseries", title, x, y, w, 8, targets, unit, thresholds, custom, new MapNode()
                .Set("legend", new MapNode()
                    .Set("calcs", new SequenceNode())
                    .Set("displayMode", "list")
                    .Set("placement", "bottom")
                    .Set("showLegend", true))
                .Set("tooltip", new MapNode().Set("mode", "multi").Set("sort", "desc")));
        }

        internal static MapNode Stat(int id, string title, int x, int y, MapNode target) =>
            Panel(id, "stat", title, x, y, 6, 4, new SequenceNode().Add(target), "percent",
                Thresholds(("red", 0), ("green", MeshAlertRules.DefaultMinimumMtlsCoverage * 100)),
                null,
                new MapNode()
                    .Set("graphMode", "none")
                    .Set("colorMode", "value")
                    .Set("justifyMode", "auto")
                    .Set("textMode", "auto")
                    .Set("wideLayout", true)
                    .Set("showPercentChange", false)
                    .Set("percentChangeColorMode", "standard")
                    .Set("orientation", "auto")
                    .Set("reduceOptions", new MapNode()
                        .Set("calcs", new SequenceNode().Add("lastNotNull"))
                        .Set("fields", string.Empty)
                        .Set("values", false)));

        internal static MapNode Panel(int id, string type, string title, int x, int y, int w, int h, SequenceNode targets, string unit, MapNode? thresholds, MapNode? custom, MapNode options)
        {
            var defaults = new MapNode().Set("unit", unit);
            if (unit == "percent")
            {
                defaults.Set("min", 0);
            }

            defaults.Set("thresholds", thresholds).Set("custom", custom);
            return new MapNode()
                .Set("id", id)
                .Set("type", type)
                .Set("title", title)
                .Set("datasource", Datasource())
                .Set("gridPos", new MapNode().Set("h", h).Set("w", w).Set("x", x).Set("y", y))
                .Set("targets", targets)
                .Set("fieldConfig", new MapNode().Set("defaults", defaults).Set("overrides", new SequenceNode()))
                .Set("options", options);
        }
    }
}
