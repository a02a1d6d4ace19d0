using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The DestinationRule: connection pool, outlier detection, load balancer, retry budget, and client-side
    /// <c>tls.mode: ISTIO_MUTUAL</c> (or <c>DISABLE</c> when the service turns mutual TLS off).
    /// </summary>
    public sealed class DestinationRuleBuilder : IResourceBuilder
    {
        public string FileName => "destinationrule.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "CircuitBreaker", "ConnectionPool", "LoadBalancer", "RetryBudget", "MutualTls" };

        public Node? Build(ServiceSpec service)
        {
            var trafficPolicy = new MapNode();
            if (service.ConnectionPool is { } pool)
            {
                var tcp = new MapNode()
                    .Set("maxConnections", pool.MaxConnections)
                    .Set("connectTimeout", pool.ConnectTimeout);
                var http = new MapNode()
                    .Set("h2UpgradePolicy", pool.H2UpgradePolicy is int h ? IstioEnums.H2UpgradePolicy(h) : null)
                    .Set("http1MaxPendingRequests", pool.Http1MaxPendingRequests)
                    .Set("http2MaxRequests", pool.Http2MaxRequests)
                    .Set("maxRequestsPerConnection", pool.MaxRequestsPerConnection)
                    .Set("maxRetries", pool.MaxRetries)
                    .Set("idleTimeout", pool.IdleTimeout);
                trafficPolicy.SetIfNotEmpty("connectionPool", new MapNode().SetIfNotEmpty("tcp", tcp).SetIfNotEmpty("http", http));
            }

            if (service.CircuitBreaker is { } cb)
            {
                trafficPolicy.SetIfNotEmpty("outlierDetection", new MapNode()
                    .Set("consecutive5xxErrors", cb.Consecutive5xxErrors)
                    .Set("consecutiveGatewayErrors", cb.ConsecutiveGatewayErrors)
                    .Set("interval", cb.Interval)
                    .Set("baseEjectionTime", cb.BaseEjectionTime)
                    .Set("maxEjectionPercent", cb.MaxEjectionPercent)
                    .Set("minHealthPercent", cb.MinHealthPercent));
            }

            if (service.LoadBalancer is { } lb)
            {
                trafficPolicy.Set("loadBalancer", new MapNode().Set("simple", IstioEnums.LoadBalancerPolicy(lb.Simple)));
            }

            if (service.RetryBudget is { } budget)
            {
                trafficPolicy.SetIfNotEmpty("retryBudget", new MapNode()
                    .Set("percent", budget.Percent)
                    .Set("minRetryConcurrency", budget.MinRetryConcurrency));
            }

            bool mtlsDisabled = service.MutualTls is { } mtls && IstioEnums.MutualTlsMode(mtls.Mode) == "DISABLE";
            trafficPolicy.Set("tls", new MapNode().Set("mode", mtlsDisabled ? "DISABLE" : "ISTIO_MUTUAL"));

            return ResourceMetadata.Header(IstioFeatures.Networking(service.TargetIstio), "DestinationRule", service)
                .Set("spec", new MapNode()
                    .Set("host", service.Name)
                    .Set("trafficPolicy", trafficPolicy));
        }
    }
}
