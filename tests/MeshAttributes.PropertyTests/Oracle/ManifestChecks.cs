using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MeshAttributes.PropertyTests.Inputs;
using MeshAttributes.Testing;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.PropertyTests.Oracle
{
    /// <summary>
    /// Holds one service's output to its <see cref="Expectation"/>: the refused files and their rule ids, the written
    /// files, and every written file parsed back (YamlDotNet, System.Text.Json) to exactly the intended keys and values,
    /// then validated against the real schemas and CEL rules when they are available. Throws on the first difference,
    /// saying what differs, so CsCheck shrinks to the smallest service that shows it.
    /// </summary>
    internal static class ManifestChecks
    {
        private static readonly Lazy<ManifestValidator?> Validator = new(() =>
            SharedFolder.Current.SchemasDirectory is string dir ? ManifestValidator.Load(dir) : null);

        /// <summary>Whether the schemas were found (../shared/schemas or MESH_SHARED_DIR); without them only the parse-back is checked.</summary>
        public static bool SchemasAvailable => Validator.Value is not null;

        public static void Check(Expectation expected, IReadOnlyDictionary<string, string> manifests, IEnumerable<(string Path, string Id, string Message)> errors, bool validateSchemas)
        {
            // Refused: exactly the files the oracle refuses, each with exactly its rule ids, and never also written.
            var refused = errors.GroupBy(e => FileOf(e.Path)).ToDictionary(g => g.Key, g => g.Select(e => e.Id).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            Same("refused files", expected.Refused.Keys, refused.Keys);
            foreach (var (file, ids) in expected.Refused)
            {
                Same("rule ids refusing " + file, ids, refused[file]);
            }

            var written = manifests.ToDictionary(m => FileOf(m.Key), m => m.Value, StringComparer.Ordinal);
            Same("written files", expected.Written, written.Keys);
            if (written.Count == 0)
            {
                return;
            }

            Ensure(manifests.Keys.All(p => p.StartsWith(expected.Service.Name + "/", StringComparison.Ordinal)), "every file sits in the service's folder");
            foreach (var (file, text) in written)
            {
                if (file == Expectation.Dashboard)
                {
                    using JsonDocument json = JsonDocument.Parse(text);
                    Ensure(json.RootElement.ValueKind == JsonValueKind.Object, "dashboard.json is one JSON object");
                    if (validateSchemas && Validator.Value is { } v)
                    {
                        NoViolations(file, v.CheckDashboard(text));
                    }

                    continue;
                }

                YamlMappingNode root = SingleDocument(file, text);
                if (file == Expectation.Kustomization)
                {
                    var resources = ((YamlSequenceNode)root.Children["resources"]).Select(Scalar).ToArray();
                    Same("kustomization resources", written.Keys.Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) && f != Expectation.Kustomization), resources);
                    continue;
                }

                Metadata(expected, file, root);
                switch (file)
                {
                    case Expectation.DestinationRule: DestinationRule(expected, root); break;
                    case Expectation.VirtualService: VirtualService(expected, root); break;
                    case Expectation.Sidecar: Sidecar(expected, root); break;
                    case Expectation.AuthorizationPolicy: AuthorizationPolicy(expected, root); break;
                    case Expectation.PrometheusRule: PrometheusRule(expected, root); break;
                    case Expectation.DashboardConfigMap:
                        var data = (YamlMappingNode)root.Children["data"];
                        Same("ConfigMap data keys", new[] { expected.Service.Name + ".json" }, data.Children.Keys.Select(Scalar));
                        Ensure(Scalar(data.Children.Values.Single()) == written[Expectation.Dashboard], "the ConfigMap carries dashboard.json unchanged");
                        break;
                }

                if (validateSchemas && Validator.Value is { } validator)
                {
                    NoViolations(file, validator.Check(text));
                }
            }
        }

        private static void DestinationRule(Expectation expected, YamlMappingNode root)
        {
            ServiceCase s = expected.Service;
            var want = new SortedDictionary<string, string>(StringComparer.Ordinal);
            void Put(string path, object? value)
            {
                if (value is not null)
                {
                    want[path] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                }
            }

            if (s.ConnectionPool is { } p)
            {
                Put("connectionPool.tcp.maxConnections", p.MaxConnections);
                Put("connectionPool.tcp.connectTimeout", p.ConnectTimeout);
                Put("connectionPool.http.h2UpgradePolicy", p.H2UpgradePolicy is int h ? new[] { "DEFAULT", "DO_NOT_UPGRADE", "UPGRADE" }[h] : null);
                Put("connectionPool.http.http1MaxPendingRequests", p.Http1MaxPendingRequests);
                Put("connectionPool.http.http2MaxRequests", p.Http2MaxRequests);
                Put("connectionPool.http.maxRequestsPerConnection", p.MaxRequestsPerConnection);
                Put("connectionPool.http.maxRetries", p.MaxRetries);
                Put("connectionPool.http.idleTimeout", p.IdleTimeout);
            }

            if (s.CircuitBreaker is { } cb)
            {
                Put("outlierDetection.consecutive5xxErrors", cb.Consecutive5xxErrors);
                Put("outlierDetection.consecutiveGatewayErrors", cb.ConsecutiveGatewayErrors);
                Put("outlierDetection.interval", cb.Interval);
                Put("outlierDetection.baseEjectionTime", cb.BaseEjectionTime);
                Put("outlierDetection.maxEjectionPercent", cb.MaxEjectionPercent);
                Put("outlierDetection.minHealthPercent", cb.MinHealthPercent);
            }

            Put("loadBalancer.simple", s.LoadBalancer is int lb ? new[] { "LEAST_REQUEST", "ROUND_ROBIN", "RANDOM", "PASSTHROUGH" }[lb] : null);
            if (s.RetryBudget is { } b)
            {
                Put("retryBudget.percent", b.Percent?.ToString("R", CultureInfo.InvariantCulture));
                Put("retryBudget.minRetryConcurrency", b.MinRetryConcurrency);
            }

            Put("tls.mode", s.MutualTls == 2 ? "DISABLE" : "ISTIO_MUTUAL");

            var spec = (YamlMappingNode)root.Children["spec"];
            Same("DestinationRule spec keys", new[] { "host", "trafficPolicy" }, spec.Children.Keys.Select(Scalar));
            Ensure(Scalar(spec.Children["host"]) == s.Name, "DestinationRule host is the service");
            var got = Flatten(spec.Children["trafficPolicy"], "");
            if (got.TryGetValue("retryBudget.percent", out string? percent))
            {
                // A double is compared as a number: "50" and "50.0" are one value.
                got["retryBudget.percent"] = double.Parse(percent, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture);
            }

            Same("DestinationRule trafficPolicy", want.Select(kv => kv.Key + "=" + kv.Value), got.Select(kv => kv.Key + "=" + kv.Value));
        }

        private static void VirtualService(Expectation expected, YamlMappingNode root)
        {
            ServiceCase s = expected.Service;
            var spec = (YamlMappingNode)root.Children["spec"];
            Same("VirtualService hosts", new[] { s.Name }, ((YamlSequenceNode)spec.Children["hosts"]).Select(Scalar));
            var http = ((YamlSequenceNode)spec.Children["http"]).Cast<YamlMappingNode>().ToList();
            var own = s.Endpoints.Where(Expectation.HasOwnRoute).ToList();
            // An endpoint without a policy of its own gets a route only where it outranks an attributed one (VirtualServiceOrderTests
            // holds which, against ASP.NET Core); whichever it gets, it carries the service's policy.
            Ensure(http.Count >= own.Count + 1 && http.Count <= s.Endpoints.Count + 1,
                $"one route per endpoint with its own [Retry]/[Timeout], at most one per other endpoint, plus the default: {own.Count + 1} to {s.Endpoints.Count + 1}, found {http.Count}");
            foreach (YamlMappingNode route in http.Take(http.Count - 1))
            {
                var errors = new List<string>();
                bool some = s.Endpoints.Where(e => Matches(route, e, Expectation.SamplePath(e))).Any(e =>
                {
                    try
                    {
                        bool owns = Expectation.HasOwnRoute(e);
                        Policy("the route of " + Expectation.Template(e), route, s, owns ? e.Retry ?? s.Retry : s.Retry, owns ? e.Timeout ?? s.Timeout : s.Timeout);
                        return true;
                    }
                    catch (PropertyFailure f)
                    {
                        errors.Add(f.Message);
                        return false;
                    }
                });
                Ensure(some, $"route {Scalar(route.Children["name"])} is an endpoint's, with its policy: {string.Join("; ", errors)}");
            }

            Ensure(http.Select(r => Scalar(r.Children["name"])).Distinct(StringComparer.Ordinal).Count() == http.Count, "route names are unique");

            YamlMappingNode fallback = http[http.Count - 1];
            Ensure(Scalar(fallback.Children["name"]) == "default" && !fallback.Children.ContainsKey("match"), "the last route is the default, with no match");
            Policy("the default route", fallback, s, s.Retry, s.Timeout);
            foreach (EndpointCase e in own)
            {
                string path = Expectation.SamplePath(e);
                var candidates = http.Take(http.Count - 1).Where(r => Matches(r, e, path)).ToList();
                Ensure(candidates.Count > 0, $"a route matches {string.Join(",", e.Methods)} {path} (template {Expectation.Template(e)})");
                var errors = new List<string>();
                bool any = candidates.Any(r =>
                {
                    try
                    {
                        Policy("the route of " + Expectation.Template(e), r, s, e.Retry ?? s.Retry, e.Timeout ?? s.Timeout);
                        return true;
                    }
                    catch (PropertyFailure f)
                    {
                        errors.Add(f.Message);
                        return false;
                    }
                });
                Ensure(any, string.Join("; ", errors));
            }
        }

        // The route's methods are the endpoint's, and its uri match accepts the sample path (regex: whole path, RE2 syntax
        // that .NET reads the same way for what the renderer may emit).
        private static bool Matches(YamlMappingNode route, EndpointCase e, string path)
        {
            var matches = ((YamlSequenceNode)route.Children["match"]).Cast<YamlMappingNode>().ToList();
            var methods = matches.Where(m => m.Children.ContainsKey("method")).Select(m => Scalar(((YamlMappingNode)m.Children["method"]).Children["exact"])).ToList();
            if (!methods.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(e.Methods.OrderBy(x => x, StringComparer.Ordinal)))
            {
                return false;
            }

            return matches.All(m =>
            {
                var uri = (YamlMappingNode)m.Children["uri"];
                var (kind, value) = (Scalar(uri.Children.Keys.Single()), Scalar(uri.Children.Values.Single()));
                return kind switch
                {
                    "exact" => m.Children.TryGetValue("ignoreUriCase", out var ignore) && Scalar(ignore) == "true" && value == path,
                    "regex" => Regex.IsMatch(path, "^(?:" + value + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)),
                    _ => false,
                };
            });
        }

        private static void Policy(string which, YamlMappingNode route, ServiceCase s, RetryCase? retry, string? timeout)
        {
            var destination = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)route.Children["route"]).Single()).Children["destination"];
            Ensure(Scalar(destination.Children["host"]) == s.Name, which + " routes to the service");
            Ensure(destination.Children.TryGetValue("port", out var port) ? s.Port?.ToString(CultureInfo.InvariantCulture) == Scalar(((YamlMappingNode)port).Children["number"]) : s.Port is null, which + " carries the service's port");
            Ensure(route.Children.TryGetValue("timeout", out var t) ? timeout == Scalar(t) : timeout is null, $"{which} has timeout {timeout ?? "(none)"}");
            var want = new List<string>();
            if (retry?.Attempts is int a) want.Add("attempts=" + a.ToString(CultureInfo.InvariantCulture));
            if (retry?.PerTryTimeout is string p) want.Add("perTryTimeout=" + p);
            if (retry?.RetryOn is string on) want.Add("retryOn=" + on);
            var got = route.Children.TryGetValue("retries", out var r) ? Flatten(r, "").Select(kv => kv.Key + "=" + kv.Value).ToList() : new List<string>();
            Same(which + " retries", want, got);
        }

        private static void Sidecar(Expectation expected, YamlMappingNode root)
        {
            var spec = (YamlMappingNode)root.Children["spec"];
            Ensure(Scalar(((YamlMappingNode)((YamlMappingNode)spec.Children["workloadSelector"]).Children["labels"]).Children["app"]) == expected.Service.Name, "Sidecar selects the service's pods");
            var hosts = ((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)spec.Children["egress"]).Single()).Children["hosts"]).Select(Scalar).ToList();
            var want = expected.Service.DependsOn.Select(d => $"{d.Namespace ?? expected.Namespace}/{d.Service}.{d.Namespace ?? expected.Namespace}.svc.cluster.local").Append("istio-system/*").Distinct();
            Same("Sidecar egress hosts", want, hosts);
        }

        private static void AuthorizationPolicy(Expectation expected, YamlMappingNode root)
        {
            var spec = (YamlMappingNode)root.Children["spec"];
            Ensure(Scalar(spec.Children["action"]) == "ALLOW", "AuthorizationPolicy allows");
            var principals = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)spec.Children["rules"]).Single()).Children["from"]).Single()).Children["source"]).Children["principals"]).Select(Scalar);
            var want = expected.Service.AllowCallers.Select(c => $"cluster.local/ns/{c.Namespace ?? expected.Namespace}/sa/{c.ServiceAccount ?? c.Service}").Distinct();
            Same("AuthorizationPolicy principals", want, principals);
        }

        private static void PrometheusRule(Expectation expected, YamlMappingNode root)
        {
            AlertingCase? a = expected.Service.Alerting;
            var group = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)root.Children["spec"]).Children["groups"]).Single();
            var rules = ((YamlSequenceNode)group.Children["rules"]).Cast<YamlMappingNode>().ToDictionary(r => Scalar(r.Children["alert"]), StringComparer.Ordinal);
            var alerts = new List<string> { "ServiceHighErrorRate", "ServiceCriticalErrorRate", "ServiceHighLatency" };
            if (Ejects(expected.Service.CircuitBreaker))
            {
                alerts.Add("CircuitBreakerActive");
            }

            Same("alerts", alerts, rules.Keys);
            string? runbook = string.IsNullOrEmpty(a?.RunbookUrl) ? null : a!.RunbookUrl;
            foreach (var (name, rule) in rules)
            {
                var annotations = (YamlMappingNode)rule.Children["annotations"];
                string? got = annotations.Children.TryGetValue("runbook_url", out var url) ? Scalar(url) : null;
                Ensure(got == (runbook is null ? null : PrometheusTemplate.Literal(runbook)), $"{name}'s runbook_url is the RunbookUrl, written so that Prometheus's template shows it as is");
            }

            Threshold(rules["ServiceHighErrorRate"], a?.ErrorRateWarning ?? 0.05);
            Threshold(rules["ServiceCriticalErrorRate"], a?.ErrorRateCritical ?? 0.20);
            double latency = a?.LatencyP99 is string l && MeshAttributes.Testing.Cel.GoDuration.TryParse(l, out long ns, out _) ? ns / 1e6 : 2000;
            Threshold(rules["ServiceHighLatency"], latency);
        }

        // Whether the DestinationRule's outlierDetection can eject a host, by Istio's defaults: present once any field is
        // set, consecutive5xxErrors 5 unless set (0 turns it off), consecutiveGatewayErrors off unless above 0.
        private static bool Ejects(CircuitBreakerCase? cb) =>
            cb is not null
            && (cb.Consecutive5xxErrors, cb.ConsecutiveGatewayErrors, cb.Interval, cb.BaseEjectionTime, cb.MaxEjectionPercent, cb.MinHealthPercent) != (null, null, null, null, null, null)
            && ((cb.Consecutive5xxErrors ?? 5) != 0 || cb.ConsecutiveGatewayErrors > 0);

        // The comparison ends the expression: "... > 0.05".
        private static void Threshold(YamlMappingNode rule, double expected)
        {
            string expr = Scalar(rule.Children["expr"]).TrimEnd();
            string number = expr.Substring(expr.LastIndexOf("> ", StringComparison.Ordinal) + 2);
            Ensure(double.Parse(number, CultureInfo.InvariantCulture) == expected, $"{Scalar(rule.Children["alert"])} compares with {expected.ToString("R", CultureInfo.InvariantCulture)}, not {number}");
        }

        private static void Metadata(Expectation expected, string file, YamlMappingNode root)
        {
            Same(file + " top-level keys", new[] { "apiVersion", "kind", "metadata", file == Expectation.DashboardConfigMap ? "data" : "spec" }, root.Children.Keys.Select(Scalar));
            var metadata = (YamlMappingNode)root.Children["metadata"];
            Ensure(Scalar(metadata.Children["namespace"]) == expected.Namespace, $"{file} is in namespace {expected.Namespace}");
            var labels = (YamlMappingNode)metadata.Children["labels"];
            Ensure(Scalar(labels.Children["app.kubernetes.io/name"]) == expected.Service.Name, $"{file} is labelled with the service");
        }

        private static YamlMappingNode SingleDocument(string file, string text)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            Ensure(stream.Documents.Count == 1, $"{file} holds one YAML document, not {stream.Documents.Count}");
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        private static SortedDictionary<string, string> Flatten(YamlNode node, string prefix)
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            void Walk(YamlNode n, string path)
            {
                switch (n)
                {
                    case YamlMappingNode map:
                        foreach (var (k, v) in map.Children)
                        {
                            Walk(v, path.Length == 0 ? Scalar(k) : path + "." + Scalar(k));
                        }

                        break;
                    case YamlScalarNode scalar:
                        result[path] = scalar.Value!;
                        break;
                    default:
                        throw new PropertyFailure($"unexpected {n.NodeType} at {path}");
                }
            }

            Walk(node, prefix);
            return result;
        }

        private static string Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value! : throw new PropertyFailure($"expected a scalar, found {node.NodeType} at {node.Start}");

        private static string FileOf(string path) => path.Substring(path.IndexOf('/') + 1);

        private static void NoViolations(string file, IReadOnlyList<ManifestViolation> violations) =>
            Ensure(violations.Count == 0, file + " is invalid: " + string.Join("; ", violations));

        private static void Same(string what, IEnumerable<string> expected, IEnumerable<string> actual)
        {
            var e = expected.OrderBy(x => x, StringComparer.Ordinal).ToArray();
            var a = actual.OrderBy(x => x, StringComparer.Ordinal).ToArray();
            Ensure(e.SequenceEqual(a), $"{what}: expected [{string.Join(", ", e)}], found [{string.Join(", ", a)}]");
        }

        private static void Ensure(bool condition, string what)
        {
            if (!condition)
            {
                throw new PropertyFailure(what);
            }
        }
    }
}
