using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using YamlDotNet.Core;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Maps Istio resources, document by document, onto one <see cref="ServiceDraft"/> per service (<c>namespace/name</c>):
    /// DestinationRule (by <c>host</c>), VirtualService (by its first host), PeerAuthentication, Sidecar and
    /// AuthorizationPolicy (by their <c>app</c> selector label, as MeshAttributes writes them). Other kinds are skipped.
    /// PeerAuthentications and AuthorizationPolicies without a selector apply to their whole namespace (PeerAuthentication in
    /// <c>istio-system</c>: to the whole mesh) and are applied to every service that has none of its own.
    /// </summary>
    internal sealed class ManifestCollector
    {
        private static readonly string[] H2UpgradePolicies = { "DEFAULT", "DO_NOT_UPGRADE", "UPGRADE" };
        private static readonly string[] LoadBalancerPolicies = { "LEAST_REQUEST", "ROUND_ROBIN", "RANDOM", "PASSTHROUGH" };
        private static readonly string[] MutualTlsModes = { "STRICT", "PERMISSIVE", "DISABLE" };

        private readonly Dictionary<string, ServiceDraft> _services = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (MutualTlsSpec Mode, SourceLocation At)> _namespacePeerAuthentication = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (CallerAdmission Admission, SourceLocation At)> _namespaceAuthorization = new(StringComparer.Ordinal);
        private readonly List<InputProblem> _problems = new();
        private int _files;

        public void AddProblem(InputProblem problem) => _problems.Add(problem);

        /// <summary>Reads every document of one file; a file that does not parse is reported and contributes nothing.</summary>
        public void AddFile(string file, string text) => Add(Parse(file, text));

        /// <summary>Parses one file's YAML. Touches no state of a collector, so files can be parsed in parallel.</summary>
        public static ParsedFile Parse(string file, string text)
        {
            // Every kind read here has an apiVersion in an istio.io group. A file of resources of other groups only (a
            // PrometheusRule, the Grafana dashboard's ConfigMap, a Deployment) is not parsed at all: in a build's output most
            // bytes are those. A file that names no apiVersion is parsed, so broken YAML is still reported.
            if (text.IndexOf("istio.io/", StringComparison.Ordinal) < 0 && text.IndexOf("apiVersion:", StringComparison.Ordinal) >= 0)
            {
                return new ParsedFile(file, null, null);
            }

            try
            {
                return new ParsedFile(file, ManifestYaml.ReadDocuments(text), null);
            }
            catch (YamlException e)
            {
                // YamlDotNet's message repeats the position; the location carries it.
                string message = e.InnerException is YamlException inner ? inner.Message : e.Message;
                int paren = message.IndexOf("): ", StringComparison.Ordinal);
                message = message.StartsWith("(Line: ", StringComparison.Ordinal) && paren > 0 ? message.Substring(paren + 3) : message;
                return new ParsedFile(file, null, new InputProblem(new SourceLocation(file, (int)e.Start.Line, (int)e.Start.Column), $"not valid YAML: {message}; the file was skipped"));
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet's scanner gives up on some malformed input without a position.
                return new ParsedFile(file, null, new InputProblem(new SourceLocation(file, 1, 1), $"not valid YAML ({e.Message}); the file was skipped"));
            }
        }

        /// <summary>Maps a parsed file's documents onto the services, or records why it could not be read.</summary>
        public void Add(ParsedFile parsed)
        {
            _files++;
            if (parsed.Problem is not null)
            {
                _problems.Add(parsed.Problem);
            }

            if (parsed.Documents is null)
            {
                return;
            }

            var values = new YamlValues(parsed.File, _problems);
            foreach (ManifestNode document in parsed.Documents)
            {
                AddDocument(document, values);
            }
        }

        public MeshManifests Build()
        {
            foreach (ServiceDraft draft in _services.Values)
            {
                if (draft.MutualTls is null
                    && (_namespacePeerAuthentication.TryGetValue(draft.Namespace, out var pa) || _namespacePeerAuthentication.TryGetValue("istio-system", out pa)))
                {
                    draft.MutualTls = pa.Mode;
                    draft.Locations.Set("MutualTls", "Mode", null, null, pa.At);
                }

                if (draft.Admission is null && _namespaceAuthorization.TryGetValue(draft.Namespace, out var ap))
                {
                    draft.Admission = ap.Admission;
                    draft.Locations.Set("AllowCaller", null, null, null, ap.At);
                }
            }

            var services = _services.Values
                .OrderBy(s => s.Namespace, StringComparer.Ordinal)
                .ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => s.ToService())
                .ToList();
            return new MeshManifests(services, _problems.ToList(), _files);
        }

        private void AddDocument(ManifestNode root, YamlValues values)
        {
            if (root is not ManifestMapping)
            {
                return;
            }

            string? kind = YamlValues.Get(root, "kind") is ManifestScalar k ? k.Value : null;
            string? apiVersion = YamlValues.Get(root, "apiVersion") is ManifestScalar a ? a.Value : null;
            if (kind is null || apiVersion is null)
            {
                return;
            }

            bool networking = apiVersion.StartsWith("networking.istio.io/", StringComparison.Ordinal);
            bool security = apiVersion.StartsWith("security.istio.io/", StringComparison.Ordinal);
            ManifestNode? metadata = YamlValues.Get(root, "metadata");
            string ns = values.String(YamlValues.Get(metadata, "namespace"), "metadata.namespace") ?? ServiceDefaults.Namespace;
            ManifestNode? spec = YamlValues.Get(root, "spec");
            switch (kind)
            {
                case "DestinationRule" when networking:
                    ReadDestinationRule(root, spec, ns, values);
                    break;
                case "VirtualService" when networking:
                    ReadVirtualService(root, spec, ns, values);
                    break;
                case "Sidecar" when networking:
                    ReadSidecar(root, metadata, spec, ns, values);
                    break;
                case "PeerAuthentication" when security:
                    ReadPeerAuthentication(root, metadata, spec, ns, values);
                    break;
                case "AuthorizationPolicy" when security:
                    ReadAuthorizationPolicy(root, metadata, spec, ns, values);
                    break;
            }
        }

        private ServiceDraft? Draft(string? host, string ns, ManifestNode at, string kind, YamlValues values)
        {
            if (host is null || ServiceHost.Parse(host, ns) is not { } service)
            {
                return null;
            }

            string key = service.Namespace + "/" + service.Name;
            if (!_services.TryGetValue(key, out ServiceDraft? draft))
            {
                _services.Add(key, draft = new ServiceDraft(service.Name, service.Namespace));
            }

            if (!draft.Kinds.Add(kind))
            {
                values.Problem(at, $"a second {kind} for service '{key}': Istio applies only one per workload, so this one was not read; merge it into the first");
                return null;
            }

            draft.Locations.SetService(values.At(at));
            draft.Locations.Set("MeshService", null, null, null, values.At(at));
            return draft;
        }

        /// <summary>
        /// The draft of the service whose pods a resource selects. Such a resource names the service account those pods run
        /// as in <see cref="ResourceMetadata.ServiceAccountAnnotation"/> (MeshAttributes writes it on each); the first one read
        /// is the service's identity, else its name is.
        /// </summary>
        private ServiceDraft? WorkloadDraft(string app, string ns, ManifestNode root, ManifestNode? metadata, string kind, YamlValues values)
        {
            if (Draft(app, ns, root, kind, values) is not { } draft)
            {
                return null;
            }

            if (draft.ServiceAccount is null
                && YamlValues.Get(metadata, "annotations", ResourceMetadata.ServiceAccountAnnotation) is { } annotation
                && values.String(annotation, ResourceMetadata.ServiceAccountAnnotation) is { Length: > 0 } account)
            {
                draft.ServiceAccount = account;
                draft.Locations.Set("MeshService", "ServiceAccount", null, null, values.At(annotation));
            }

            return draft;
        }

        private static string? AppLabel(ManifestNode? selector) => YamlValues.Get(selector, "app") is ManifestScalar app ? app.Value : null;

        private void ReadDestinationRule(ManifestNode root, ManifestNode? spec, string ns, YamlValues values)
        {
            if (Draft(values.String(YamlValues.Get(spec, "host"), "spec.host"), ns, root, "DestinationRule", values) is not { } draft)
            {
                return;
            }

            ManifestNode? policy = YamlValues.Get(spec, "trafficPolicy");
            ManifestNode? tcp = YamlValues.Get(policy, "connectionPool", "tcp");
            ManifestNode? http = YamlValues.Get(policy, "connectionPool", "http");
            if (tcp is not null || http is not null)
            {
                draft.ConnectionPool = new ConnectionPoolSpec(
                    Int(draft, "ConnectionPool", "MaxConnections", YamlValues.Get(tcp, "maxConnections"), values),
                    Text(draft, "ConnectionPool", "ConnectTimeout", YamlValues.Get(tcp, "connectTimeout"), values),
                    Located(draft, "ConnectionPool", "H2UpgradePolicy", YamlValues.Get(http, "h2UpgradePolicy"), values, (n, v) => v.Enum(n, "h2UpgradePolicy", H2UpgradePolicies)),
                    Int(draft, "ConnectionPool", "Http1MaxPendingRequests", YamlValues.Get(http, "http1MaxPendingRequests"), values),
                    Int(draft, "ConnectionPool", "Http2MaxRequests", YamlValues.Get(http, "http2MaxRequests"), values),
                    Int(draft, "ConnectionPool", "MaxRequestsPerConnection", YamlValues.Get(http, "maxRequestsPerConnection"), values),
                    Int(draft, "ConnectionPool", "MaxRetries", YamlValues.Get(http, "maxRetries"), values),
                    Text(draft, "ConnectionPool", "IdleTimeout", YamlValues.Get(http, "idleTimeout"), values));
                Locate(draft, "ConnectionPool", YamlValues.Get(policy, "connectionPool"), values);
            }

            if (YamlValues.Get(policy, "outlierDetection") is { } outlier)
            {
                draft.CircuitBreaker = new CircuitBreakerSpec(
                    Int(draft, "CircuitBreaker", "Consecutive5xxErrors", YamlValues.Get(outlier, "consecutive5xxErrors"), values),
                    Int(draft, "CircuitBreaker", "ConsecutiveGatewayErrors", YamlValues.Get(outlier, "consecutiveGatewayErrors"), values),
                    Text(draft, "CircuitBreaker", "Interval", YamlValues.Get(outlier, "interval"), values),
                    Text(draft, "CircuitBreaker", "BaseEjectionTime", YamlValues.Get(outlier, "baseEjectionTime"), values),
                    Int(draft, "CircuitBreaker", "MaxEjectionPercent", YamlValues.Get(outlier, "maxEjectionPercent"), values),
                    Int(draft, "CircuitBreaker", "MinHealthPercent", YamlValues.Get(outlier, "minHealthPercent"), values));
                Locate(draft, "CircuitBreaker", outlier, values);
            }

            if (YamlValues.Get(policy, "loadBalancer", "simple") is { } simple
                && Located(draft, "LoadBalancer", "Simple", simple, values, (n, v) => v.Enum(n, "loadBalancer.simple", LoadBalancerPolicies)) is int lb)
            {
                draft.LoadBalancer = new LoadBalancerSpec(lb);
            }

            if (YamlValues.Get(policy, "retryBudget") is { } budget)
            {
                draft.RetryBudget = new RetryBudgetSpec(
                    Located(draft, "RetryBudget", "Percent", YamlValues.Get(budget, "percent"), values, (n, v) => v.Double(n, "retryBudget.percent")),
                    Int(draft, "RetryBudget", "MinRetryConcurrency", YamlValues.Get(budget, "minRetryConcurrency"), values));
                Locate(draft, "RetryBudget", budget, values);
            }
        }

        private void ReadVirtualService(ManifestNode root, ManifestNode? spec, string ns, YamlValues values)
        {
            // The service is the mesh host the VirtualService applies to: its first in-cluster host, else its first route's destination.
            string? host = YamlValues.Items(YamlValues.Get(spec, "hosts"))
                .Select(h => values.String(h, "spec.hosts[]"))
                .FirstOrDefault(h => h is not null && ServiceHost.Parse(h, ns) is not null);
            host ??= values.String(YamlValues.Get(YamlValues.Items(YamlValues.Get(YamlValues.Items(YamlValues.Get(spec, "http")).FirstOrDefault(), "route")).FirstOrDefault(), "destination", "host"), "destination.host");
            if (Draft(host, ns, root, "VirtualService", values) is not { } draft)
            {
                return;
            }

            IReadOnlyList<ManifestNode> routes = YamlValues.Items(YamlValues.Get(spec, "http"));
            for (int i = 0; i < routes.Count; i++)
            {
                ManifestNode route = routes[i];
                ManifestNode? destination = YamlValues.Items(YamlValues.Get(route, "route")).FirstOrDefault();
                if (draft.Port is null && YamlValues.Get(destination, "destination", "port", "number") is { } port)
                {
                    draft.Port = Int(draft, "MeshService", "Port", port, values);
                }

                IReadOnlyList<ManifestNode> matches = YamlValues.Items(YamlValues.Get(route, "match"));
                if (matches.Count == 0)
                {
                    // The first route without a match takes every request left: the service's default route. Later ones never run.
                    if (!draft.HasDefaultRoute)
                    {
                        draft.HasDefaultRoute = true;
                        draft.Retry = Retries(draft, YamlValues.Get(route, "retries"), null, values);
                        draft.Timeout = Timeout(draft, YamlValues.Get(route, "timeout"), null, values);
                    }

                    continue;
                }

                int index = draft.Endpoints.Count;
                var methods = new List<string>();
                bool anyMethod = false;
                string template = "/";
                foreach (ManifestNode match in matches)
                {
                    if (values.String(YamlValues.Get(match, "method", "exact"), "match.method.exact") is { } method)
                    {
                        if (!methods.Contains(method.ToUpperInvariant()))
                        {
                            methods.Add(method.ToUpperInvariant());
                        }
                    }
                    else
                    {
                        anyMethod = true;
                    }

                    ManifestNode? uri = YamlValues.Get(match, "uri");
                    template = values.String(YamlValues.Get(uri, "exact") ?? YamlValues.Get(uri, "prefix") ?? YamlValues.Get(uri, "regex"), "match.uri") ?? template;
                }

                string name = values.String(YamlValues.Get(route, "name"), "http[].name") ?? $"http[{i}]";
                // A route of its own never inherits: without a retries block it has none of the service's.
                RetrySpec retry = Retries(draft, YamlValues.Get(route, "retries"), index, values) ?? new RetrySpec(null, null, null);
                TimeoutSpec? timeout = Timeout(draft, YamlValues.Get(route, "timeout"), index, values);
                draft.Locations.Set("Retry", null, index, null, values.At(route));
                draft.Locations.Set("Timeout", null, index, null, values.At(route));
                draft.Endpoints.Add(new EndpointSpec(
                    $"'{name}'",
                    (anyMethod ? new List<string>() : methods).ToEquatableArray(),
                    template,
                    retry,
                    timeout,
                    false));
            }

            // A route that repeats the default route's retries and timeout has the service's policy, as the generator writes
            // one for an endpoint without a policy of its own that outranks an attributed one: it is checked as the service's,
            // so a finding on that policy is reported once, at the default route, and not again at every such route.
            if (draft.HasDefaultRoute)
            {
                for (int e = 0; e < draft.Endpoints.Count; e++)
                {
                    EndpointSpec endpoint = draft.Endpoints[e];
                    bool sameRetry = Equals(endpoint.Retry, draft.Retry) || (draft.Retry is null && endpoint.Retry == new RetrySpec(null, null, null));
                    if (sameRetry && Equals(endpoint.Timeout, draft.Timeout))
                    {
                        draft.Endpoints[e] = endpoint with { Retry = null, Timeout = null };
                    }
                }
            }
        }

        private RetrySpec? Retries(ServiceDraft draft, ManifestNode? retries, int? endpoint, YamlValues values)
        {
            if (retries is null)
            {
                return null;
            }

            draft.Locations.Set("Retry", null, endpoint, null, values.At(retries));
            return new RetrySpec(
                Int(draft, "Retry", "Attempts", YamlValues.Get(retries, "attempts"), values, endpoint),
                Text(draft, "Retry", "PerTryTimeout", YamlValues.Get(retries, "perTryTimeout"), values, endpoint),
                Text(draft, "Retry", "RetryOn", YamlValues.Get(retries, "retryOn"), values, endpoint));
        }

        private static TimeoutSpec? Timeout(ServiceDraft draft, ManifestNode? timeout, int? endpoint, YamlValues values) =>
            Text(draft, "Timeout", "Timeout", timeout, values, endpoint) is { } text ? new TimeoutSpec(text) : null;

        private void ReadSidecar(ManifestNode root, ManifestNode? metadata, ManifestNode? spec, string ns, YamlValues values)
        {
            if (AppLabel(YamlValues.Get(spec, "workloadSelector", "labels")) is not { } app
                || WorkloadDraft(app, ns, root, metadata, "Sidecar", values) is not { } draft)
            {
                return;
            }

            foreach (ManifestNode egress in YamlValues.Items(YamlValues.Get(spec, "egress")))
            {
                foreach (ManifestNode hostNode in YamlValues.Items(YamlValues.Get(egress, "hosts")))
                {
                    if (values.String(hostNode, "egress.hosts[]") is not { } host || ServiceHost.ParseEgress(host, ns) is not { } dependency)
                    {
                        continue;
                    }

                    draft.Locations.Set("DependsOn", null, null, draft.DependsOn.Count, values.At(hostNode));
                    draft.DependsOn.Add(new DependencySpec(dependency.Name, dependency.Namespace));
                }
            }

            if (YamlValues.Get(metadata, "annotations", InAppRetryAnnotation.Key) is { } annotation && values.String(annotation, InAppRetryAnnotation.Key) is { } text)
            {
                if (InAppRetryAnnotation.TryParse(text, out var retries, out string? error))
                {
                    draft.Locations.Set("HttpClient", null, null, null, values.At(annotation));
                    draft.InAppRetries.AddRange(retries);
                }
                else
                {
                    values.Problem(annotation, error!);
                }
            }
        }

        private void ReadPeerAuthentication(ManifestNode root, ManifestNode? metadata, ManifestNode? spec, string ns, YamlValues values)
        {
            ManifestNode? modeNode = YamlValues.Get(spec, "mtls", "mode");
            int? mode = modeNode is ManifestScalar { Value: "UNSET" } ? null : values.Enum(modeNode, "mtls.mode", MutualTlsModes);
            if (AppLabel(YamlValues.Get(spec, "selector", "matchLabels")) is not { } app)
            {
                if (mode is int wide)
                {
                    _namespacePeerAuthentication[ns] = (new MutualTlsSpec(wide), values.At(modeNode!));
                }

                return;
            }

            if (WorkloadDraft(app, ns, root, metadata, "PeerAuthentication", values) is { } draft && mode is int m)
            {
                draft.MutualTls = new MutualTlsSpec(m);
                draft.Locations.Set("MutualTls", "Mode", null, null, values.At(modeNode!));
            }
        }

        private void ReadAuthorizationPolicy(ManifestNode root, ManifestNode? metadata, ManifestNode? spec, string ns, YamlValues values)
        {
            string action = values.String(YamlValues.Get(spec, "action"), "spec.action") ?? "ALLOW";
            if (action != "ALLOW")
            {
                return;
            }

            var admission = new CallerAdmission();
            var callers = new List<CallerSpec>();
            foreach (ManifestNode rule in YamlValues.Items(YamlValues.Get(spec, "rules")))
            {
                IReadOnlyList<ManifestNode> from = YamlValues.Items(YamlValues.Get(rule, "from"));
                if (from.Count == 0)
                {
                    admission.AdmitAnySource();
                }

                foreach (ManifestNode source in from)
                {
                    List<string>? principals = Strings(YamlValues.Get(source, "source", "principals"), "source.principals[]", values);
                    List<string>? namespaces = Strings(YamlValues.Get(source, "source", "namespaces"), "source.namespaces[]", values);
                    admission.AddSource(principals, namespaces);
                    foreach (string principal in principals ?? new List<string>())
                    {
                        // <trust domain>/ns/<namespace>/sa/<account>: a caller by identity, named after its service account.
                        string[] parts = principal.Split('/');
                        if (parts.Length == 5 && parts[1] == "ns" && parts[3] == "sa" && parts[2].IndexOf('*') < 0 && parts[4].IndexOf('*') < 0)
                        {
                            callers.Add(new CallerSpec(parts[4], parts[2], parts[4]));
                        }
                    }
                }
            }

            if (AppLabel(YamlValues.Get(spec, "selector", "matchLabels")) is not { } app)
            {
                _namespaceAuthorization[ns] = (admission, values.At(root));
                return;
            }

            if (WorkloadDraft(app, ns, root, metadata, "AuthorizationPolicy", values) is { } draft)
            {
                draft.Admission = admission;
                draft.AllowCallers.AddRange(callers);
                draft.Locations.Set("AllowCaller", null, null, null, values.At(root));
            }
        }

        private static List<string>? Strings(ManifestNode? node, string what, YamlValues values)
        {
            if (node is null)
            {
                return null;
            }

            var list = new List<string>();
            foreach (ManifestNode item in YamlValues.Items(node))
            {
                if (values.String(item, what) is { } s)
                {
                    list.Add(s);
                }
            }

            return list;
        }

        private static void Locate(ServiceDraft draft, string attribute, ManifestNode? node, YamlValues values)
        {
            if (node is not null)
            {
                draft.Locations.Set(attribute, null, null, null, values.At(node));
            }
        }

        private static T? Located<T>(ServiceDraft draft, string attribute, string property, ManifestNode? node, YamlValues values, Func<ManifestNode?, YamlValues, T?> read, int? endpoint = null)
            where T : struct
        {
            if (node is not null)
            {
                draft.Locations.Set(attribute, property, endpoint, null, values.At(node));
            }

            return read(node, values);
        }

        private static int? Int(ServiceDraft draft, string attribute, string property, ManifestNode? node, YamlValues values, int? endpoint = null) =>
            Located(draft, attribute, property, node, values, (n, v) => v.Int(n, YamlKey(property)), endpoint);

        // The YAML field a model property is read from: the same name in camelCase ("MaxRetries" is "maxRetries").
        private static string YamlKey(string property) => char.ToLowerInvariant(property[0]) + property.Substring(1);

        private static string? Text(ServiceDraft draft, string attribute, string property, ManifestNode? node, YamlValues values, int? endpoint = null)
        {
            if (node is not null)
            {
                draft.Locations.Set(attribute, property, endpoint, null, values.At(node));
            }

            return values.String(node, YamlKey(property));
        }
    }
}
