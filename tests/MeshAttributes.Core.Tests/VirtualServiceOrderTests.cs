using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Model;
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
