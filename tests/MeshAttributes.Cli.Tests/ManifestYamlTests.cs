using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Model;
using Xunit;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>
    /// The YAML forms the manifest reader reads from YamlDotNet's event stream: anchors, aliases and merge keys, flow and
    /// block styles, quoting and tags, empty documents, repeated keys and broken files, each as Kubernetes reads it.
    /// </summary>
    public class ManifestYamlTests
    {
        private const string Header = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: a, namespace: shop}\n";

        private static MeshManifests Read(string text) => ManifestReader.ReadTexts(new[] { ("a.yaml", text) });

        private static ServiceSpec ReadService(string text)
        {
            MeshManifests manifests = Read(text);
            Assert.Empty(manifests.Problems);
            return Assert.Single(manifests.Services).Spec;
        }

        [Fact]
        public void An_alias_to_a_mapping_is_that_mapping_even_when_its_anchor_comes_later()
        {
            ServiceSpec spec = ReadService(Header + """
                spec:
                  host: a
                  trafficPolicy:
                    connectionPool: *pool
                    outlierDetection: *outlier
                x-shared:
                  pool: &pool {http: {maxRetries: 4}}
                  outlier: &outlier
                    consecutive5xxErrors: 7
                """);

            Assert.Equal(4, spec.ConnectionPool!.MaxRetries);
            Assert.Equal(7, spec.CircuitBreaker!.Consecutive5xxErrors);
        }

        [Fact]
        public void Merge_keys_take_a_mapping_or_a_list_of_them_and_the_mappings_own_keys_win()
        {
            ServiceSpec spec = ReadService(Header + """
                x-defaults: &defaults {maxRetries: 1, idleTimeout: 30s}
                spec:
                  host: a
                  trafficPolicy:
                    <<: [{loadBalancer: {simple: RANDOM}}, {outlierDetection: {interval: 5s}}]
                    connectionPool:
                      http:
                        <<: *defaults
                        maxRetries: 2
                """);

            Assert.Equal(2, spec.ConnectionPool!.MaxRetries);
            Assert.Equal("30s", spec.ConnectionPool.IdleTimeout);
            Assert.Equal(2, spec.LoadBalancer!.Simple);
            Assert.Equal("5s", spec.CircuitBreaker!.Interval);
        }

        [Fact]
        public void A_mapping_merged_into_itself_is_read_without_looping()
        {
            ServiceSpec spec = ReadService(Header + "spec: &spec {host: a, <<: *spec}\n");

            Assert.Equal("a", spec.Name);
        }

        [Fact]
        public void Flow_block_quoted_and_tagged_scalars_read_as_their_text()
        {
            MeshManifests manifests = Read("""
                apiVersion: !!str networking.istio.io/v1
                kind: "VirtualService"
                metadata: {name: a, namespace: 'shop'}
                spec:
                  hosts: [a]
                  http:
                    - route: [{destination: {host: a, port: {number: !!int 8080}}}]
                      timeout: >-
                        5s
                      retries:
                        attempts: "2"
                        perTryTimeout: |-
                          1s
                        retryOn: 'connect-failure'  # quoted
                """);

            Assert.Empty(manifests.Problems);
            ServiceSpec spec = Assert.Single(manifests.Services).Spec;
            Assert.Equal(8080, spec.Port);
            Assert.Equal(new TimeoutSpec("5s"), spec.Timeout);
            Assert.Equal(new RetrySpec(2, "1s", "connect-failure"), spec.Retry);
        }

        [Fact]
        public void Only_a_plain_null_is_absent_a_quoted_one_is_text()
        {
            MeshManifests manifests = Read(Header + """
                spec:
                  host: a
                  trafficPolicy:
                    outlierDetection: {consecutive5xxErrors: ~, maxEjectionPercent: null, interval: "null", baseEjectionTime: !!str null}
                """);

            CircuitBreakerSpec breaker = Assert.Single(manifests.Services).Spec.CircuitBreaker!;
            Assert.Null(breaker.Consecutive5xxErrors);
            Assert.Null(breaker.MaxEjectionPercent);
            Assert.Null(breaker.BaseEjectionTime);
            Assert.Equal("null", breaker.Interval);
        }

        [Fact]
        public void Empty_documents_empty_files_and_comments_alone_are_read_as_nothing()
        {
            MeshManifests manifests = ManifestReader.ReadTexts(new[]
            {
                ("docs.yaml", "---\n---\n# only a comment\n---\n...\n---\n" + Header + "spec: {host: a}\n---\n"),
                ("empty.yaml", string.Empty),
                ("comment.yaml", "# nothing here\n"),
            });

            Assert.Empty(manifests.Problems);
            Assert.Equal("shop/a", Assert.Single(manifests.Services).Key);
            Assert.Equal(3, manifests.FileCount);
        }

        [Fact]
        public void A_key_written_twice_is_reported_whatever_its_quoting_but_not_under_another_tag()
        {
            MeshManifests manifests = ManifestReader.ReadTexts(new[]
            {
                ("twice.yaml", Header + "spec:\n  host: a\n  \"host\": b\n"),
                ("tagged.yaml", Header.Replace("name: a", "name: b") + "spec:\n  host: b\n  !!str host: c\n"),
            });

            InputProblem problem = Assert.Single(manifests.Problems);
            Assert.Equal(new SourceLocation("twice.yaml", 6, 3), problem.Location);
            Assert.Equal("not valid YAML: Duplicate key host; the file was skipped", problem.Message);
            Assert.Equal("shop/b", Assert.Single(manifests.Services).Key);
        }

        [Fact]
        public void An_alias_without_its_anchor_is_reported_where_it_is_written()
        {
            MeshManifests manifests = ManifestReader.ReadTexts(new[]
            {
                ("alias.yaml", Header + "spec:\n  host: a\n  trafficPolicy: *nowhere\n"),
                ("root.yaml", "--- *nowhere\n"),
            });

            Assert.Equal(new SourceLocation("alias.yaml", 6, 18), manifests.Problems[0].Location);
            Assert.Contains("The anchor 'nowhere' does not exist", manifests.Problems[0].Message);
            Assert.Contains("A document cannot contain only an alias", manifests.Problems[1].Message);
            Assert.Empty(manifests.Services);
        }

        [Theory]
        [InlineData("apiVersion: networking.istio.io/v1\nkind: DestinationRule\n\tspec: x\n", 2, "tab character")]
        [InlineData("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec: {host: \"b}\n", 3, "unexpected end of stream")]
        [InlineData("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  host: b\n   bad: indent\n", 5, "")]
        public void A_broken_file_is_reported_at_its_line_and_the_next_file_is_still_read(string broken, int line, string says)
        {
            MeshManifests manifests = ManifestReader.ReadTexts(new[] { ("broken.yaml", broken), ("a.yaml", Header + "spec: {host: a}\n") });

            InputProblem problem = Assert.Single(manifests.Problems);
            Assert.Equal(("broken.yaml", line), (problem.Location.File, problem.Location.Line));
            Assert.StartsWith("not valid YAML: ", problem.Message);
            Assert.Contains(says, problem.Message);
            Assert.Equal("shop/a", Assert.Single(manifests.Services).Key);
        }

        [Fact]
        public void The_service_account_comes_from_the_annotation_of_a_resource_that_selects_the_pods()
        {
            MeshManifests manifests = Read("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: orders
                  namespace: shop
                  annotations:
                    meshattributes.io/service-account: orders-runner
                spec:
                  selector: {matchLabels: {app: orders}}
                  rules: [{from: [{source: {principals: [cluster.local/ns/shop/sa/gateway]}}]}]
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: stock, namespace: shop}
                spec: {host: stock}
                """);

            Assert.Empty(manifests.Problems);
            Assert.Equal(new[] { "orders-runner", "stock" }, manifests.Services.Select(s => s.ServiceAccount));
            Assert.Equal("orders-runner", manifests.Services[0].Spec.ServiceAccount);
        }
    }
}
