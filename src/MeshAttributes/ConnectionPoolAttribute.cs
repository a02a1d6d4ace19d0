using System;

namespace MeshAttributes
{
    /// <summary>
    /// Connection-pool limits for callers of the service: the DestinationRule's
    /// <c>trafficPolicy.connectionPool.tcp</c> and <c>.http</c>. Only the properties you set are written;
    /// Istio's defaults (limits of 2^32-1, <c>connectTimeout</c> 10s) apply to the rest.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ConnectionPoolAttribute : Attribute
    {
        /// <summary><c>tcp.maxConnections</c>: maximum connections to each host.</summary>
        public int MaxConnections { get; set; }

        /// <summary><c>tcp.connectTimeout</c>: TCP connect timeout, an Istio duration such as <c>"5s"</c>. Istio default 10s.</summary>
        public string? ConnectTimeout { get; set; }

        /// <summary><c>http.h2UpgradePolicy</c>: whether HTTP/1.1 connections are upgraded to HTTP/2.</summary>
        public H2UpgradePolicy H2UpgradePolicy { get; set; }

        /// <summary><c>http.http1MaxPendingRequests</c>: requests queued while waiting for a connection.</summary>
        public int Http1MaxPendingRequests { get; set; }

        /// <summary><c>http.http2MaxRequests</c>: maximum concurrent requests to the service.</summary>
        public int Http2MaxRequests { get; set; }

        /// <summary><c>http.maxRequestsPerConnection</c>: requests per connection before it is recycled; 1 disables keep-alive.</summary>
        public int MaxRequestsPerConnection { get; set; }

        /// <summary><c>http.maxRetries</c>: maximum retries outstanding to the service at once, across all callers' proxies' requests.</summary>
        public int MaxRetries { get; set; }

        /// <summary><c>http.idleTimeout</c>: closes a connection idle this long, an Istio duration such as <c>"1h"</c>.</summary>
        public string? IdleTimeout { get; set; }
    }
}
