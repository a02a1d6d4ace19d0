using System.IO;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using MeshAttributes.Testing;
using Xunit;
using static MeshAttributes.Cli.Tests.Mesh;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>
    /// The case study's chain: checkout calls payment, inventory and shipping, and payment and shipping call inventory.
    /// Declared with bounded retries it is clean; with every hop retrying 3 times and checkout's HttpClients retrying in the
    /// app too (the incident), one checkout request can hit inventory 144 times.
    /// </summary>
    public class CaseStudyTests
    {
        private static ServiceSpec[] Chain(bool amplified)
        {
            var checkout = Service("checkout-service", "payment-service", "inventory-service", "shipping-service").Timeout("15s");
            var payment = Service("payment-service", "inventory-service").Retry(amplified ? 3 : 1, "2s", "5s").Allow("checkout-service");
            var shipping = Service("shipping-service", "inventory-service").Retry(amplified ? 3 : 1, "1s", "3s").Allow("checkout-service");
            var inventory = Service("inventory-service").Retry(amplified ? 3 : 1, "500ms", "2s").Allow("checkout-service", "payment-service", "shipping-service");
            return amplified
                ? new[] { checkout.InApp("*", 3), payment, shipping, inventory }
                : new[] { checkout, payment, shipping, inventory };
        }

        [Fact]
        public void The_sample_chain_with_bounded_retries_has_no_mesh_finding()
        {
            var findings = Check(Chain(amplified: false));
            Assert.DoesNotContain(findings, f => f.Id.StartsWith("MESH2", System.StringComparison.Ordinal));
        }

        [Fact]
        public void The_amplified_chain_reproduces_the_cascade_onto_inventory()
        {
            var finding = Assert.Single(Check(Chain(amplified: true)), f => f.Id == MeshRuleIds.RetryAmplification);

            // checkout's in-app layer (4) × payment's mesh retries (4) × inventory's (4) = 64 along the worst path, and over all
            // three paths 16 (direct) + 64 (via payment) + 64 (via shipping) = 144 requests per checkout request.
            Assert.Equal("default/checkout-service", finding.Service);
            Assert.Equal(new[] { "checkout-service", "payment-service", "inventory-service" }, finding.Path);
            Assert.Contains("up to 64 requests to 'inventory-service' (over all its paths from 'checkout-service': 144)", finding.Message);
        }

        [Fact]
        public void The_amplified_chain_draws_its_worst_path_in_red()
        {
            string mermaid = GraphWriter.Mermaid(MeshGraph.Build(Read(Chain(amplified: true)).Services));
            Assert.Contains("worst retry amplification 64x", mermaid);
            Assert.Contains("-->|\"4×4 tries, timeout 5s\"|", mermaid);
            Assert.Matches(@"linkStyle \d+,\d+ stroke:#d73a49", mermaid);
        }

        [SkippableFact]
        public void The_seed_manifests_are_read_and_linted_at_their_lines()
        {
            string? seed = SharedFolder.Current.SeedDirectory;
            Skip.If(seed is null, "needs ../shared/seed (or $MESH_SHARED_DIR/seed)");

            MeshManifests manifests = ManifestReader.Read(new[] { Path.Combine(seed!, "manifests") });
            Assert.Empty(manifests.Problems);
            Assert.Equal(new[] { "checkout-service", "inventory-service", "payment-service" }, manifests.Services.Select(s => s.Spec.Name));
            Assert.Equal(3, manifests.Services[0].Spec.ConnectionPool!.MaxRetries);
            Assert.Equal(new RetrySpec(3, "2s", "5xx,reset,connect-failure,retriable-4xx"), manifests.Services[2].Spec.Retry);

            // payment's retries have no maxRetries cap (its DestinationRule is not among the seed's): MESH103 at "attempts: 3".
            MeshFinding finding = Assert.Single(MeshCheck.Run(manifests));
            Assert.Equal(RuleIds.UncappedRetries, finding.Id);
            Assert.EndsWith("payment-virtualservice.yaml", finding.Location!.Value.File);
            Assert.Equal((17, 19), (finding.Location.Value.Line, finding.Location.Value.Column));
        }
    }
}
