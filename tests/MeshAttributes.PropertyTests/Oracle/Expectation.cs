using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MeshAttributes.PropertyTests.Inputs;
using MeshAttributes.Testing.Cel;

namespace MeshAttributes.PropertyTests.Oracle
{
    /// <summary>
    /// What a <see cref="ServiceCase"/> must produce, derived from the input alone — from Istio's and Kubernetes' own
    /// validation rules as documented, never from MeshAttributes' rules or renderers: which files are refused with which
    /// rule ids, which are written, and the values each written file must hold.
    /// </summary>
    internal sealed class Expectation
    {
        public const string DestinationRule = "destinationrule.yaml";
        public const string VirtualService = "virtualservice.yaml";
        public const string PeerAuthentication = "peerauthentication.yaml";
        public const string Sidecar = "sidecar.yaml";
        public const string AuthorizationPolicy = "authorizationpolicy.yaml";
        public const string PrometheusRule = "prometheusrule.yaml";
        public const string Dashboard = "dashboard.json";
        public const string DashboardConfigMap = "grafana-dashboard.yaml";
        public const string Kustomization = "kustomization.yaml";

        // Istio's supportedRetryOnPolicies (pilot/pkg/networking/core/route/retry) and Go's net/http status texts.
        private static readonly HashSet<string> RetryConditions = new(StringComparer.Ordinal)
        {
            "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
            "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure", "cancelled",
            "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
        };

        private static readonly HashSet<int> StatusCodes = new(
            Enumerable.Range(100, 4).Concat(Enumerable.Range(200, 9)).Append(226).Concat(Enumerable.Range(300, 6)).Append(307).Append(308)
                .Concat(Enumerable.Range(400, 19)).Concat(Enumerable.Range(421, 6)).Append(428).Append(429).Append(431).Append(451)
                .Concat(Enumerable.Range(500, 9)).Append(510).Append(511));

        private static readonly Regex DnsLabelPattern = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);

        private readonly Dictionary<string, HashSet<string>> _refused = new(StringComparer.Ordinal);

        public Expectation(ServiceCase service)
        {
            Service = service;
            Namespace = service.Namespace ?? "default";

            var identity = new HashSet<string>(StringComparer.Ordinal);
            if (!IsDnsLabel(service.Name) || (service.Namespace is not null && !IsDnsLabel(service.Namespace)))
            {
                identity.Add("MESH004");
            }

            if (service.Port is int port && (port < 1 || port > 65535))
            {
                identity.Add("MESH003");
            }

            var trafficPolicy = new HashSet<string>(StringComparer.Ordinal);
            if (service.CircuitBreaker is { } cb)
            {
                Count(trafficPolicy, cb.Consecutive5xxErrors, cb.ConsecutiveGatewayErrors);
                Percent(trafficPolicy, cb.MaxEjectionPercent, cb.MinHealthPercent);
                Durations(trafficPolicy, cb.Interval, cb.BaseEjectionTime);
            }

            if (service.ConnectionPool is { } pool)
            {
                Count(trafficPolicy, pool.MaxConnections, pool.Http1MaxPendingRequests, pool.Http2MaxRequests, pool.MaxRequestsPerConnection, pool.MaxRetries);
                Durations(trafficPolicy, pool.ConnectTimeout, pool.IdleTimeout);
                Enum(trafficPolicy, pool.H2UpgradePolicy, 2);
            }

            Enum(trafficPolicy, service.LoadBalancer, 3);
            if (service.RetryBudget is { } budget)
            {
                if (budget.Percent is double p && !(p >= 0 && p <= 100))
                {
                    trafficPolicy.Add("MESH003");
                }

                Count(trafficPolicy, budget.MinRetryConcurrency);
            }

            var mtls = new HashSet<string>(StringComparer.Ordinal);
            Enum(mtls, service.MutualTls, 2);
            trafficPolicy.UnionWith(mtls);

            var routes = new HashSet<string>(StringComparer.Ordinal);
            Retry(routes, service.Retry);
            Durations(routes, service.Timeout);
            foreach (EndpointCase e in service.Endpoints)
            {
                Retry(routes, e.Retry);
                Durations(routes, e.Timeout);
            }

            var egress = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in service.DependsOn)
            {
                Names(egress, d.Service, d.Namespace);
            }

            var callers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in service.AllowCallers)
            {
                Names(callers, c.Service, c.Namespace);
                if (c.ServiceAccount is not null && !IsDnsSubdomain(c.ServiceAccount))
                {
                    callers.Add("MESH004");
                }
            }

            var alerting = new HashSet<string>(StringComparer.Ordinal);
            if (service.Alerting is { } a)
            {
                bool warningValid = a.ErrorRateWarning is not double w || IsRatio(w);
                bool criticalValid = a.ErrorRateCritical is not double c || IsRatio(c);
                if (!warningValid || !criticalValid)
                {
                    alerting.Add("MESH007");
                }
                else if ((a.ErrorRateWarning ?? 0.05) >= (a.ErrorRateCritical ?? 0.20))
                {
                    alerting.Add("MESH008");
                }

                Durations(alerting, a.LatencyP99);
            }

            Refuse(identity.Count > 0, identity, DestinationRule, VirtualService, PeerAuthentication, Sidecar, AuthorizationPolicy, PrometheusRule, Dashboard, DashboardConfigMap);
            Refuse(true, trafficPolicy, DestinationRule);
            Refuse(true, mtls, PeerAuthentication);
            Refuse(true, routes, VirtualService);
            Refuse(true, egress, Sidecar);
            Refuse(true, callers, AuthorizationPolicy);
            Refuse(true, alerting, PrometheusRule, Dashboard, DashboardConfigMap);
            IdentityValid = identity.Count == 0;
        }

        public ServiceCase Service { get; }

        public string Namespace { get; }

        /// <summary>Whether the service's own name, namespace and port are valid; if not, nothing at all is written.</summary>
        public bool IdentityValid { get; }

        /// <summary>File name → the rule ids that must refuse it.</summary>
        public IReadOnlyDictionary<string, HashSet<string>> Refused => _refused;

        public IEnumerable<string> ErrorIds => _refused.Values.SelectMany(v => v).Distinct();

        public bool HasVirtualService => Service.Retry is not null || Service.Timeout is not null || Service.Endpoints.Any(HasOwnRoute);

        /// <summary>The files that must be written (kustomization.yaml included), by name.</summary>
        public IReadOnlyList<string> Written
        {
            get
            {
                if (!IdentityValid)
                {
                    return Array.Empty<string>();
                }

                var files = new List<string> { DestinationRule, PeerAuthentication, PrometheusRule, Dashboard, DashboardConfigMap, Kustomization };
                if (HasVirtualService)
                {
                    files.Add(VirtualService);
                }

                if (Service.DependsOn.Count > 0)
                {
                    files.Add(Sidecar);
                }

                if (Service.AllowCallers.Count > 0)
                {
                    files.Add(AuthorizationPolicy);
                }

                return files.Where(f => !_refused.ContainsKey(f)).ToArray();
            }
        }

        public static bool HasOwnRoute(EndpointCase e) => e.Retry is not null || e.Timeout is not null;

        /// <summary>The endpoint's full route template, as ASP.NET Core joins a controller's or group's prefix and its own.</summary>
        public static string Template(EndpointCase e) => "/" + string.Join("/", e.Segments.Select(s => s.Template));

        /// <summary>A request path the endpoint's template accepts.</summary>
        public static string SamplePath(EndpointCase e) => "/" + string.Join("/", e.Segments.Select(s => s.Sample));

        public static bool IsDnsLabel(string value) => value.Length <= 63 && DnsLabelPattern.IsMatch(value);

        /// <summary>Kubernetes' name of a ServiceAccount: a DNS-1123 subdomain, DNS labels joined by '.', at most 253 characters.</summary>
        public static bool IsDnsSubdomain(string value) => value.Length <= 253 && value.Split('.').All(IsDnsLabel);

        /// <summary>
        /// Istio's duration validation: Go's time.ParseDuration, at least 1ms, whole milliseconds. A leading '+', which Go
        /// allows, is refused too: MeshAttributes asks for it to be dropped, on purpose stricter than Istio.
        /// </summary>
        public static bool IsDuration(string value) =>
            !value.StartsWith('+') && GoDuration.TryParse(value, out long ns, out _) && ns >= 1_000_000 && ns % 1_000_000 == 0;

        public static bool IsRetryOn(string value) => value.Split(',').All(token =>
            RetryConditions.Contains(token)
            || (Regex.IsMatch(token, "^[1-9][0-9]{2}$", RegexOptions.CultureInvariant) && StatusCodes.Contains(int.Parse(token, CultureInfo.InvariantCulture))));

        private static bool IsRatio(double value) => value >= 0 && value < 1;

        private static void Count(HashSet<string> ids, params int?[] values)
        {
            if (values.Any(v => v < 0))
            {
                ids.Add("MESH003");
            }
        }

        private static void Percent(HashSet<string> ids, params int?[] values)
        {
            if (values.Any(v => v < 0 || v > 100))
            {
                ids.Add("MESH003");
            }
        }

        private static void Enum(HashSet<string> ids, int? value, int max)
        {
            if (value < 0 || value > max)
            {
                ids.Add("MESH003");
            }
        }

        private static void Durations(HashSet<string> ids, params string?[] values)
        {
            if (values.Any(v => v is not null && !IsDuration(v)))
            {
                ids.Add("MESH001");
            }
        }

        private static void Names(HashSet<string> ids, params string?[] values)
        {
            if (values.Any(v => v is not null && !IsDnsLabel(v)))
            {
                ids.Add("MESH004");
            }
        }

        private static void Retry(HashSet<string> ids, RetryCase? retry)
        {
            if (retry is null)
            {
                return;
            }

            Count(ids, retry.Attempts);
            Durations(ids, retry.PerTryTimeout);
            if (retry.RetryOn is string on && !IsRetryOn(on))
            {
                ids.Add("MESH002");
            }

            if ((retry.Attempts ?? 0) == 0 && (retry.PerTryTimeout is not null || retry.RetryOn is not null))
            {
                ids.Add("MESH006");
            }
        }

        private void Refuse(bool when, HashSet<string> ids, params string[] files)
        {
            if (!when || ids.Count == 0)
            {
                return;
            }

            foreach (string file in files)
            {
                if (!_refused.TryGetValue(file, out var set))
                {
                    _refused[file] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(ids);
            }
        }
    }
}
