using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing.Routing;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    /// <summary>
    /// Envoy's first match over the generated routes picks the endpoint ASP.NET Core's routing picks, held to ASP.NET
    /// Core itself: route precedence segment by segment, and at equal precedence an endpoint restricted to methods
    /// before one taking any method.
    /// </summary>
    public class VirtualServiceOrderTests
    {
        // Overlapping templates of every kind, none widened, no two ASP.NET Core would find ambiguous.
        private static readonly (string Template, string[] Methods)[] Endpoints =
        {
            ("/a/{*rest}", new[] { "GET" }),
            ("/{*rest}", new[] { "DELETE" }),
            ("/a/{x}", Array.Empty<string>()),
            ("/a/{x}", new[] { "GET" }),
            ("/a/{x?}/{y?}", new[] { "POST" }),
            ("/a/{x:int}", Array.Empty<string>()),
            ("/a/b", new[] { "GET" }),
            ("/b/{x}/c/{*rest}", new[] { "GET" }),
            ("/b/{x=5}", new[] { "GET" }),
            ("/b/{x:alpha}", Array.Empty<string>()),
            ("/b/c/{x}", new[] { "GET", "PUT" }),
            ("/", new[] { "GET" }),
        };

        [Fact]
        public void Envoy_picks_the_route_of_the_endpoint_aspnet_core_routes_each_request_to()
        {
            var specs = Endpoints.Select(e => new EndpointSpec(e.Template, EquatableArray.Create(e.Methods), e.Template, null, new TimeoutSpec("2s"), false)).ToArray();
            // Each endpoint's route name, read from a VirtualService of that endpoint alone.
            var names = specs.Select(s => EnvoyRouteMatcher.FromYaml(VirtualServiceCaseTests.Render(s)).Route(s.Methods.Count == 0 ? "GET" : s.Methods[0], Path(s.RouteTemplate))).ToArray();
            Assert.Equal(names.Length, names.Distinct().Count());
            var envoy = EnvoyRouteMatcher.FromYaml(VirtualServiceCaseTests.Render(specs.Reverse().ToArray()));
            var router = new AspNetCoreRouter(Endpoints.Select((e, i) => (names[i]!, e.Template, e.Methods)));

            string[] probes = { "", "a", "A", "b", "c", "x", "42", "-7", "abc", "%2B3" };
            var wrong = new List<string>();
            int compared = 0;
            foreach (string target in Targets(probes))
            {
                foreach (string method in new[] { "GET", "POST", "PUT", "DELETE" })
                {
                    string expected = router.Route(method, target) ?? "default";
                    string? actual = envoy.Route(method, target);
                    compared++;
                    if (actual != expected)
                    {
                        wrong.Add($"{method} {target}: ASP.NET Core {expected}, Envoy {actual}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, $"{wrong.Count} of {compared} requests take another route:\n{string.Join("\n", wrong.Take(30))}");
        }

        [Fact]
        public void Envoy_applies_the_policy_of_the_endpoint_aspnet_core_routes_each_request_to_when_only_some_declare_one()
        {
            // ASP.NET Core's answer does not depend on which endpoints carry a policy: asked once per request.
            var router = new AspNetCoreRouter(Endpoints.Select((e, i) => ($"e{i}", e.Template, e.Methods)));
            string[] probes = { "", "a", "b", "c", "42", "abc" };
            var requests = Targets(probes)
                .SelectMany(target => new[] { "GET", "POST", "PUT", "DELETE" }.Select(method => (Method: method, Target: target)))
                .Select(r => (r.Method, r.Target, Endpoint: router.Route(r.Method, r.Target) is { } name ? int.Parse(name.Substring(1), System.Globalization.CultureInfo.InvariantCulture) : -1))
                .ToList();

            // Each endpoint alone with a policy, each alone without one, and seeded mixes: endpoint i's policy is a timeout of
            // i + 1 seconds, the service's 60 s.
            var subsets = Enumerable.Range(0, Endpoints.Length).Select(i => new HashSet<int> { i })
                .Concat(Enumerable.Range(0, Endpoints.Length).Select(i => Enumerable.Range(0, Endpoints.Length).Where(j => j != i).ToHashSet()))
                .ToList();
            var random = new Random(20261206);
            for (int n = 0; n < 8; n++)
            {
                subsets.Add(Enumerable.Range(0, Endpoints.Length).Where(_ => random.Next(2) == 0).ToHashSet());
            }

            var wrong = new List<string>();
            foreach (HashSet<int> withPolicy in subsets)
            {
                var specs = Endpoints.Select((e, i) => new EndpointSpec(
                    $"e{i}", EquatableArray.Create(e.Methods), e.Template, null, withPolicy.Contains(i) ? new TimeoutSpec($"{i + 1}s") : null, false)).ToArray();
                string yaml = Render(new TimeoutSpec("60s"), specs.Reverse().ToArray());
                var envoy = EnvoyRouteMatcher.FromYaml(yaml);
                var timeouts = RouteTimeouts(yaml);
                foreach (var (method, target, endpoint) in requests)
                {
                    string expected = endpoint >= 0 && withPolicy.Contains(endpoint) ? $"{endpoint + 1}s" : "60s";
                    string actual = timeouts[envoy.Route(method, target)!];
                    if (actual != expected)
                    {
                        wrong.Add($"with policies on {{{string.Join(",", withPolicy.OrderBy(i => i))}}}: {method} {target} reaches e{endpoint} in ASP.NET Core ({expected}), Envoy applies {actual}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, $"{wrong.Count} of {requests.Count * subsets.Count} requests get another policy:\n{string.Join("\n", wrong.Take(30))}");
        }

        [Fact]
        public void An_explicit_route_order_comes_before_precedence_as_in_aspnet_core()
        {
            // Orders that turn precedence around: a catch-all first, a literal last.
            (string Template, string[] Methods, int Order)[] endpoints =
            {
                ("/a/b", new[] { "GET" }, 2),
                ("/a/{x}", new[] { "GET" }, 0),
                ("/a/{*rest}", new[] { "GET" }, -1),
                ("/a/{x:int}", Array.Empty<string>(), 1),
                ("/b/{x}", Array.Empty<string>(), -1),
                ("/b/c", new[] { "GET" }, 0),
            };
            var specs = endpoints.Select((e, i) => new EndpointSpec($"e{i}", EquatableArray.Create(e.Methods), e.Template, null, new TimeoutSpec($"{i + 1}s"), false, e.Order)).ToArray();
            string yaml = Render(new TimeoutSpec("60s"), specs.Reverse().ToArray());
            var envoy = EnvoyRouteMatcher.FromYaml(yaml);
            var timeouts = RouteTimeouts(yaml);
            var router = new AspNetCoreRouter(endpoints.Select((e, i) => ($"e{i}", e.Template, e.Methods, e.Order)));

            var wrong = new List<string>();
            foreach (string target in Targets(new[] { "", "a", "b", "c", "42" }))
            {
                foreach (string method in new[] { "GET", "POST" })
                {
                    string expected = router.Route(method, target) is { } name ? $"{int.Parse(name.Substring(1), System.Globalization.CultureInfo.InvariantCulture) + 1}s" : "60s";
                    string actual = timeouts[envoy.Route(method, target)!];
                    if (actual != expected)
                    {
                        wrong.Add($"{method} {target}: ASP.NET Core {expected}, Envoy {actual}");
                    }
                }
            }

            Assert.True(wrong.Count == 0, $"{wrong.Count} requests get another policy:\n{string.Join("\n", wrong.Take(30))}");
        }

        [Fact]
        public void An_endpoint_without_a_policy_gets_a_route_only_where_a_route_with_one_could_take_its_requests()
        {
            var endpoints = new[]
            {
                new EndpointSpec("Get", EquatableArray.Create("GET"), "/orders/{id}", null, new TimeoutSpec("1s"), false),
                new EndpointSpec("Summary", EquatableArray.Create("GET"), "/orders/summary", null, null, false),
                new EndpointSpec("Delete", EquatableArray.Create("DELETE"), "/orders/summary", null, null, false),
                new EndpointSpec("Stock", EquatableArray.Create("GET"), "/stock/{sku:int}", null, new TimeoutSpec("2s"), false),
                new EndpointSpec("All", EquatableArray.Create("GET"), "/stock/all", null, null, false),
                new EndpointSpec("Lines", EquatableArray.Create("GET"), "/orders/{id}/lines", null, null, false),
                new EndpointSpec("Any", EquatableArray<string>.Empty, "/{*path}", null, null, false),
            };

            var names = RouteTimeouts(Render(new TimeoutSpec("60s"), endpoints)).Keys;

            // Summary outranks Get and could be taken by it; Delete's method, All's literal against an int, Lines' length and
            // a catch-all ASP.NET Core ranks last keep the others off.
            Assert.Equal(new[] { "get-orders-summary", "get-stock-sku-int", "get-orders-id", "default" }, names);
        }

        [Fact]
        public void Templates_said_not_to_overlap_share_no_path()
        {
            // Sound where it says no: no probe path matches two templates MayMatchSamePath keeps apart.
            var matches = Endpoints.Select(e => UriMatch.FromTemplate(e.Template)).ToArray();
            var regexes = matches.Select(m => new System.Text.RegularExpressions.Regex("^(?:" + m.Regex + @")\z")).ToArray();
            var paths = Targets(new[] { "", "a", "b", "c", "42", "-7", "abc", "true" }).Select(EnvoyRouteMatcher.NormalizedPath).Distinct().ToList();
            int apart = 0;
            for (int i = 0; i < matches.Length; i++)
            {
                for (int j = 0; j < matches.Length; j++)
                {
                    if (!matches[i].MayMatchSamePath(matches[j]))
                    {
                        apart++;
                        string? shared = paths.FirstOrDefault(p => regexes[i].IsMatch(p) && regexes[j].IsMatch(p));
                        Assert.True(shared is null, $"{Endpoints[i].Template} and {Endpoints[j].Template} both match {shared}");
                    }
                }
            }

            Assert.True(apart > 0, "no pair of templates was kept apart: the check would prove nothing");
        }

        // Each route's name and timeout, in order.
        private static Dictionary<string, string> RouteTimeouts(string yaml)
        {
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new System.IO.StringReader(yaml));
            var spec = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlMappingNode)stream.Documents[0].RootNode)["spec"];
            return ((YamlDotNet.RepresentationModel.YamlSequenceNode)spec["http"]).Children
                .Cast<YamlDotNet.RepresentationModel.YamlMappingNode>()
                .ToDictionary(route => route["name"].ToString(), route => route["timeout"].ToString());
        }

        private static string Render(TimeoutSpec serviceTimeout, params EndpointSpec[] endpoints)
        {
            var service = new ServiceSpec("orders", null, null, null, null, null, null, null, null, serviceTimeout,
                EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, null, EquatableArray.Create(endpoints));
            return ServiceRenderer.Render(service).Files.Single(f => f.Path == "orders/virtualservice.yaml").Content;
        }

        private static IEnumerable<string> Targets(string[] probes)
        {
            yield return "/";
            foreach (string p in probes)
            {
                yield return "/" + p;
                foreach (string q in probes)
                {
                    yield return "/" + p + "/" + q;
                    foreach (string r in probes)
                    {
                        yield return "/" + p + "/" + q + "/" + r;
                        yield return "/" + p + "/" + q + "/" + r + "/s?t=1";
                    }
                }
            }
        }

        // A path the template matches, to name its route by.
        private static string Path(string template) =>
            System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]*\}", m => m.Value.Contains("int") ? "1" : "v");
    }
}
