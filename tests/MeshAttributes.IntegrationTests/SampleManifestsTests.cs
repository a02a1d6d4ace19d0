using System.IO;
using System.Linq;
using MeshAttributes.Testing;
using MeshAttributes.Testing.Routing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>The sample, built with dotnet build, reproduces the case study's hand-written manifests.</summary>
    [Collection(SampleBuildCollection.Name)]
    public class SampleManifestsTests
    {
        private readonly SampleBuild _sample;

        public SampleManifestsTests(SampleBuild sample) => _sample = sample;

        [SkippableTheory]
        [InlineData("checkout-service")]
        [InlineData("inventory-service")]
        public void Destination_rules_match_the_case_study_field_for_field(string service)
        {
            string seed = File.ReadAllText(Path.Combine(SharedFolder.RequireSchemasAndSeed().SeedDirectory!, "manifests", "destination-rules.yaml"));
            YamlNode expected = YamlSubset.Documents(seed).Single(d => ((YamlScalarNode)YamlSubset.At(d, "metadata", "name")).Value == service);
            YamlNode actual = YamlSubset.Document(_sample.Manifests[$"{service}/destinationrule.yaml"]);

            YamlSubset.AssertContains(expected, actual);
            // Field for field: the traffic policy says nothing the seed does not, apart from client-side mTLS.
            var policy = (YamlMappingNode)YamlSubset.At(actual, "spec", "trafficPolicy");
            Assert.Equal(
                ((YamlMappingNode)YamlSubset.At(expected, "spec", "trafficPolicy")).Children.Keys.Select(k => k.ToString()).Append("tls"),
                policy.Children.Keys.Select(k => k.ToString()));
            Assert.Equal(
                YamlSubset.At(expected, "spec", "trafficPolicy", "connectionPool").AllNodes.Count(),
                YamlSubset.At(actual, "spec", "trafficPolicy", "connectionPool").AllNodes.Count());
            Assert.Equal(
                YamlSubset.At(expected, "spec", "trafficPolicy", "outlierDetection").AllNodes.Count(),
                YamlSubset.At(actual, "spec", "trafficPolicy", "outlierDetection").AllNodes.Count());
        }

        [SkippableFact]
        public void Payment_default_route_matches_the_case_study_virtual_service()
        {
            string seed = File.ReadAllText(Path.Combine(SharedFolder.RequireSchemasAndSeed().SeedDirectory!, "manifests", "payment-virtualservice.yaml"));
            YamlNode expected = YamlSubset.Document(seed);
            YamlNode actual = YamlSubset.Document(_sample.Manifests["payment-service/virtualservice.yaml"]);

            YamlSubset.AssertContains(YamlSubset.At(expected, "metadata"), YamlSubset.At(actual, "metadata"));
            YamlSubset.AssertContains(YamlSubset.At(expected, "spec", "hosts"), YamlSubset.At(actual, "spec", "hosts"));
            var routes = (YamlSequenceNode)YamlSubset.At(actual, "spec", "http");
            YamlNode defaultRoute = routes.Children.Last();
            Assert.Equal("default", YamlSubset.At(defaultRoute, "name").ToString());
            YamlSubset.AssertContains(YamlSubset.At(expected, "spec", "http", 0), defaultRoute);
        }

        [Fact]
        public void The_card_charge_does_not_inherit_the_replaying_retry()
        {
            string yaml = _sample.Manifests["payment-service/virtualservice.yaml"];
            var envoy = EnvoyRouteMatcher.FromYaml(yaml);
            // However the caller spells the path ASP.NET Core routes to the charge, Envoy picks the charge's own route.
            string charge = envoy.Route("POST", "/api/Payments")!;
            Assert.NotEqual("default", charge);
            Assert.All(new[] { "/api/payments", "/api/payments/", "/API/PAYMENTS", "/api/payments?orderId=1" },
                target => Assert.Equal(charge, envoy.Route("POST", target)));

            var routes = ((YamlSequenceNode)YamlSubset.At(YamlSubset.Document(yaml), "spec", "http")).Children;
            YamlNode route = routes.Single(r => YamlSubset.At(r, "name").ToString() == charge);
            Assert.Equal("connect-failure,refused-stream,reset-before-request", YamlSubset.At(route, "retries", "retryOn").ToString());
            Assert.True(routes.IndexOf(route) < routes.Count - 1, "the endpoint route must come before the default route");
        }

        [Theory]
        [InlineData("shipping-service", "GET", "/api/shipments/SH-1/", "get-api-shipments-id")]
        [InlineData("shipping-service", "POST", "/api/shipments/SH-1/Label?format=pdf", "post-api-shipments-id-label")]
        [InlineData("shipping-service", "GET", "/tracking/1Z999/", "get-tracking-trackingnumber")]
        [InlineData("shipping-service", "POST", "/api/shipments/", "default")]
        [InlineData("payment-service", "GET", "/api/payments/42", "default")]
        public void Sample_requests_take_the_route_of_the_endpoint_aspnet_core_routes_them_to(string service, string method, string target, string route)
        {
            // Also checks every uri regex of the file is RE2.
            Assert.Equal(route, EnvoyRouteMatcher.FromYaml(_sample.Manifests[$"{service}/virtualservice.yaml"]).Route(method, target));
        }

        [SkippableFact]
        public void Every_manifest_of_the_sample_is_valid_against_the_real_schemas()
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            Assert.Equal(4, _sample.Manifests.Keys.Select(k => k.Split('/')[0]).Distinct().Count());
            foreach (var (path, text) in _sample.Manifests)
            {
                if (path.EndsWith(".json", System.StringComparison.Ordinal))
                {
                    validator.AssertDashboardValid(text, path);
                }
                else if (!path.EndsWith("kustomization.yaml", System.StringComparison.Ordinal))
                {
                    validator.AssertValid(text, path);
                }
            }
        }

        [Fact]
        public void Every_kustomization_lists_exactly_the_resources_beside_it()
        {
            foreach (string service in _sample.Manifests.Keys.Select(k => k.Split('/')[0]).Distinct())
            {
                var listed = ((YamlSequenceNode)YamlSubset.At(YamlSubset.Document(_sample.Manifests[$"{service}/kustomization.yaml"]), "resources"))
                    .Children.Select(c => c.ToString()).OrderBy(s => s).ToList();
                var present = _sample.Manifests.Keys.Where(k => k.StartsWith(service + "/", System.StringComparison.Ordinal))
                    .Select(k => k.Substring(service.Length + 1))
                    .Where(f => f.EndsWith(".yaml", System.StringComparison.Ordinal) && f != "kustomization.yaml")
                    .OrderBy(s => s).ToList();
                Assert.Equal(present, listed);
            }
        }

        [Fact]
        public void Every_sample_service_reaches_only_what_it_declares()
        {
            foreach (string service in SampleBuild.ServiceNames)
            {
                YamlNode sidecar = YamlSubset.Document(_sample.Manifests[$"{service}/sidecar.yaml"]);
                Assert.Equal("REGISTRY_ONLY", YamlSubset.At(sidecar, "spec", "outboundTrafficPolicy", "mode").ToString());
                var hosts = ((YamlSequenceNode)YamlSubset.At(sidecar, "spec", "egress", 0, "hosts")).Children.Select(h => h.ToString()).ToList();
                Assert.Equal(
                    service == "checkout-service"
                        ? new[] { "default/inventory-service.default.svc.cluster.local", "default/payment-service.default.svc.cluster.local", "default/shipping-service.default.svc.cluster.local", "istio-system/*" }
                        : new[] { "istio-system/*" },
                    hosts);
            }
        }

        [Fact]
        public void The_sample_allows_checkout_by_the_service_account_it_is_assumed_to_run_as()
        {
            YamlNode policy = YamlSubset.Document(_sample.Manifests["shipping-service/authorizationpolicy.yaml"]);
            Assert.Equal("cluster.local/ns/default/sa/checkout-service", YamlSubset.At(policy, "spec", "rules", 0, "from", 0, "source", "principals", 0).ToString());
            Assert.Equal("shipping-service", YamlSubset.At(policy, "metadata", "annotations", "meshattributes.io/service-account").ToString());
        }

        [Fact]
        public void The_sample_builds_without_a_single_mesh_diagnostic()
        {
            Assert.DoesNotContain("warning MESH", _sample.BuildOutput);
            Assert.DoesNotContain("error MESH", _sample.BuildOutput);
        }
    }
}
