using System.IO;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>Hand-written YAML as teams write it: comments, anchors and merge keys, several documents per file, mistakes.</summary>
    public class ManifestReaderTests
    {
        // Two services in one file; the retry block is shared through an anchor and a merge key; comments everywhere.
        private const string HandWritten = """
            # Shop routes, kept by hand.
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: orders            # the service
              namespace: shop
            spec:
              hosts: [orders]
              http:
                - name: create
                  match:
                    - method: {exact: POST}
                      uri: {prefix: /orders}
                  route: [{destination: {host: orders}}]
                  retries: &unsafe
                    attempts: 2
                    perTryTimeout: 1s
                    retryOn: 5xx,connect-failure
                  timeout: 5s
                - route:
                    - destination: {host: orders, port: {number: 8080}}
                  retries:
                    <<: *unsafe
                    attempts: 1
                  timeout: 5s
            ---
            ---
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: orders
              namespace: shop
              annotations:
                meshattributes.io/in-app-retries: "stock=2+"
            spec:
              workloadSelector: {labels: {app: orders}}
              egress:
                - hosts:
                    - "./stock.shop.svc.cluster.local"
                    - "istio-system/*"
                    - "*/api.payments.example.com"
            ---
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: {name: default, namespace: shop}
            spec:
              mtls: {mode: PERMISSIVE}
            ---
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: stock, namespace: shop}
            spec:
              host: stock.shop.svc.cluster.local
              trafficPolicy:
                outlierDetection: {consecutive5xxErrors: 5, maxEjectionPercent: 100}
            """;

        [Fact]
        public void Comments_anchors_merge_keys_and_documents_are_read_into_the_model()
        {
            MeshManifests manifests = ManifestReader.ReadTexts(new[] { ("shop.yaml", HandWritten) });

            Assert.Empty(manifests.Problems);
            Assert.Equal(new[] { "shop/orders", "shop/stock" }, manifests.Services.Select(s => s.Key));
            ServiceSpec orders = manifests.Services[0].Spec;
            Assert.Equal(8080, orders.Port);
            Assert.Equal(new RetrySpec(1, "1s", "5xx,connect-failure"), orders.Retry);
            EndpointSpec create = Assert.Single(orders.Endpoints);
            Assert.Equal(new[] { "POST" }, create.Methods);
            Assert.Equal(new RetrySpec(2, "1s", "5xx,connect-failure"), create.Retry);
            Assert.Equal(new DependencySpec("stock", "shop"), Assert.Single(orders.DependsOn));
            Assert.Equal(new InAppRetrySpec("in-app retry", "stock", 2, false), Assert.Single(manifests.Services[0].InAppRetries));
            Assert.Equal(1, orders.MutualTls!.Mode); // the namespace-wide PERMISSIVE applies to every service in it
            Assert.Equal(100, manifests.Services[1].Spec.CircuitBreaker!.MaxEjectionPercent);
        }

        [Fact]
        public void Single_service_rules_point_at_the_yaml_value_they_are_about()
        {
            var findings = MeshCheck.Run(ManifestReader.ReadTexts(new[] { ("shop.yaml", HandWritten) }));

            // The POST route retries on 5xx (MESH100) at its retryOn, inside the anchored block (line 18, column 18).
            MeshFinding nonIdempotent = Assert.Single(findings, f => f.Id == RuleIds.NonIdempotentRetry);
            Assert.Equal(new SourceLocation("shop.yaml", 18, 18), nonIdempotent.Location);
            MeshFinding ejectAll = Assert.Single(findings, f => f.Id == RuleIds.EjectAllHosts);
            Assert.Equal(new SourceLocation("shop.yaml", 55, 69), ejectAll.Location);
            MeshFinding permissive = Assert.Single(findings, f => f.Id == RuleIds.MutualTlsNotStrict && f.Service == "shop/orders");
            Assert.Equal(47, permissive.Location!.Value.Line);
        }

        [Fact]
        public void A_malformed_file_is_reported_at_its_line_and_the_rest_is_still_checked()
        {
            const string broken = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nspec:\n  hosts: [a\n  http: {\n";
            const string wrongType = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: b}\nspec:\n  host: b\n  trafficPolicy:\n    connectionPool:\n      http: {maxRetries: lots}\n";
            MeshManifests manifests = ManifestReader.ReadTexts(new[] { ("broken.yaml", broken), ("b.yaml", wrongType), ("shop.yaml", HandWritten) });

            InputProblem syntax = Assert.Single(manifests.Problems, p => p.Location.File == "broken.yaml");
            Assert.StartsWith("not valid YAML", syntax.Message);
            Assert.Equal("broken.yaml", syntax.Location.File);
            InputProblem value = Assert.Single(manifests.Problems, p => p.Location.File == "b.yaml");
            Assert.Equal(new SourceLocation("b.yaml", 8, 26), value.Location);
            Assert.Equal("maxRetries must be a whole number, but it is 'lots'; write e.g. 3", value.Message);
            Assert.Contains(manifests.Services, s => s.Key == "shop/orders");
        }

        [Fact]
        public void Resources_of_other_api_groups_are_skipped_unparsed_and_broken_yaml_without_one_is_reported()
        {
            const string alerts = "apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nspec: [unclosed\n";
            const string broken = "kind: VirtualService\nspec: [unclosed\n";
            MeshManifests manifests = ManifestReader.ReadTexts(new[] { ("alerts.yaml", alerts), ("broken.yaml", broken) });

            Assert.Equal("broken.yaml", Assert.Single(manifests.Problems).Location.File);
            Assert.Equal(2, manifests.FileCount);
        }

        [Fact]
        public void A_kustomization_is_followed_and_files_it_does_not_list_are_not_read()
        {
            using var dir = new TempDir();
            Directory.CreateDirectory(Path.Combine(dir.Path, "app"));
            File.WriteAllText(Path.Combine(dir.Path, "app", "kustomization.yaml"), "resources:\n  - dr.yaml\n  - missing.yaml\n");
            File.WriteAllText(Path.Combine(dir.Path, "app", "dr.yaml"), "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: listed}\nspec: {host: listed}\n");
            File.WriteAllText(Path.Combine(dir.Path, "app", "stray.yaml"), "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: stray}\nspec: {host: stray}\n");

            MeshManifests manifests = ManifestReader.Read(new[] { dir.Path });

            Assert.Equal("listed", Assert.Single(manifests.Services).Spec.Name);
            InputProblem missing = Assert.Single(manifests.Problems);
            Assert.Equal(3, missing.Location.Line);
            Assert.Contains("'missing.yaml' is listed in resources but does not exist", missing.Message);
        }

        [Fact]
        public void Service_folders_kustomizations_are_each_followed_and_their_problems_reported_in_folder_order()
        {
            using var dir = new TempDir();
            foreach (string service in new[] { "a", "b", "c", "d" })
            {
                Directory.CreateDirectory(Path.Combine(dir.Path, service));
                File.WriteAllText(Path.Combine(dir.Path, service, "dr.yaml"), $"apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {{name: {service}}}\nspec: {{host: {service}}}\n");
            }

            File.WriteAllText(Path.Combine(dir.Path, "a", "kustomization.yaml"), "resources:\n  - dr.yaml\n  - ../d\n");
            File.WriteAllText(Path.Combine(dir.Path, "b", "kustomization.yaml"), "resources: [dr.yaml, gone.yaml]\n");
            File.WriteAllText(Path.Combine(dir.Path, "c", "kustomization.yaml"), "resources:\n  - [dr.yaml\n");
            File.WriteAllText(Path.Combine(dir.Path, "d", "Kustomization"), "resources:\n  - dr.yaml\n  - https://example.com/base\n");

            MeshManifests manifests = ManifestReader.Read(new[] { dir.Path });

            // c's kustomization does not parse, so c is skipped; d is reached from a and read once.
            Assert.Equal(new[] { "a", "b", "d" }, manifests.Services.Select(s => s.Spec.Name));
            Assert.Equal(3, manifests.FileCount);
            Assert.Collection(
                manifests.Problems,
                remote => Assert.Equal(("d/Kustomization", 3), (Path.GetRelativePath(dir.Path, remote.Location.File).Replace('\\', '/'), remote.Location.Line)),
                missing => Assert.Contains("'gone.yaml' is listed in resources but does not exist", missing.Message),
                broken => Assert.Equal("c/kustomization.yaml", Path.GetRelativePath(dir.Path, broken.Location.File).Replace('\\', '/')));
        }

        [Fact]
        public void A_route_repeating_the_default_routes_policy_is_checked_as_the_services()
        {
            // An unattributed GET /orders/summary outranks an attributed GET /orders/{id}: the generator gives it a route with
            // the service's retries, which cannot fit in its timeout. That is reported once, at the default route, not again at
            // the copy.
            var spec = Mesh.Service("orders").Retry(3, "4s", "10s") with
            {
                Endpoints = EquatableArray.Create(
                    new EndpointSpec("Get", EquatableArray.Create("GET"), "/orders/{id}", null, new TimeoutSpec("9s"), false),
                    new EndpointSpec("Summary", EquatableArray.Create("GET"), "/orders/summary", null, null, false)),
            };
            MeshService read = Assert.Single(Mesh.Read(spec).Services);
            var findings = Mesh.Check(spec);

            Assert.Equal(2, read.Spec.Endpoints.Count);
            Assert.False(read.Spec.Endpoints.Single(e => e.DisplayName == "'get-orders-summary'").HasOwnRoute);
            Assert.True(read.Spec.Endpoints.Single(e => e.DisplayName == "'get-orders-id'").HasOwnRoute);
            var exceeding = findings.Where(f => f.Id == RuleIds.RetriesExceedTimeout).Select(f => f.Message).ToList();
            Assert.Contains(exceeding, m => m.Contains("service 'orders'", System.StringComparison.Ordinal));
            Assert.DoesNotContain(exceeding, m => m.Contains("summary", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Generated_manifests_read_back_into_the_spec_they_came_from()
        {
            var spec = Mesh.Service("checkout-service", "payment-service").Retry(2, "1s", "5s").Allow("gateway").InApp("payment-service", 3);
            MeshService read = Assert.Single(Mesh.Read(spec).Services);

            Assert.Equal(spec.Retry, read.Spec.Retry);
            Assert.Equal(spec.Timeout, read.Spec.Timeout);
            Assert.Equal(spec.ConnectionPool, read.Spec.ConnectionPool);
            Assert.Equal(new DependencySpec("payment-service", "default"), Assert.Single(read.Spec.DependsOn));
            Assert.Equal(new CallerSpec("gateway", "default", "gateway"), Assert.Single(read.Spec.AllowCallers));
            Assert.Equal(new InAppRetrySpec("in-app retry", "payment-service", 3, true), Assert.Single(read.InAppRetries));
        }
    }
}
