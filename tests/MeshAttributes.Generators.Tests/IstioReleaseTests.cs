using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// The target Istio release (<c>MeshIstioVersion</c>): the API versions it serves, and no file written that carries a
    /// setting it does not have (MESH009).
    /// </summary>
    public class IstioReleaseTests
    {
        // Every Istio resource the generator writes: Sidecar and AuthorizationPolicy need a dependency and a caller.
        private const string EveryIstioResource = """
            using MeshAttributes;
            [assembly: MeshService("ledger", Namespace = "finance", ServiceAccount = "ledger-sa")]
            [assembly: CircuitBreaker(Consecutive5xxErrors = 5, Interval = "10s")]
            [assembly: ConnectionPool(MaxConnections = 100, MaxRetries = 3)]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure,refused-stream,503")]
            [assembly: Timeout("5s")]
            [assembly: DependsOn("accounts")]
            [assembly: AllowCaller("checkout-service", ServiceAccount = "checkout")]
            [assembly: OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)]
            """;

        private static readonly string[] IstioFiles =
        {
            "ledger/destinationrule.yaml", "ledger/virtualservice.yaml", "ledger/peerauthentication.yaml", "ledger/sidecar.yaml", "ledger/authorizationpolicy.yaml",
        };

        private static Dictionary<string, string> Release(string value) => new() { ["build_property.MeshIstioVersion"] = value };

        [Theory]
        [InlineData("1.20", "v1beta1")]
        [InlineData("1.21", "v1beta1")]
        [InlineData("1.22", "v1")]
        [InlineData("1.30", "v1")]
        [InlineData("1.31", "v1")]
        public void Istio_resources_use_the_api_version_the_target_release_serves(string release, string version)
        {
            var run = GeneratorHarness.Run(EveryIstioResource, Release(release));

            Assert.Empty(run.Errors);
            foreach (string file in IstioFiles)
            {
                string group = file.EndsWith("peerauthentication.yaml", System.StringComparison.Ordinal) || file.EndsWith("authorizationpolicy.yaml", System.StringComparison.Ordinal)
                    ? "security.istio.io"
                    : "networking.istio.io";
                Assert.Contains($"\napiVersion: {group}/{version}\n", run.Manifests[file], System.StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Without_MeshIstioVersion_the_default_release_serves_v1()
        {
            var run = GeneratorHarness.Run(EveryIstioResource);

            Assert.All(IstioFiles, f => Assert.Contains("istio.io/v1\n", run.Manifests[f], System.StringComparison.Ordinal));
        }

        [SkippableFact]
        public void V1beta1_output_is_valid_against_the_v1beta1_schemas()
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            var run = GeneratorHarness.Run(EveryIstioResource, Release("1.21"));

            Snapshot.Match(run.Manifests["ledger/sidecar.yaml"], "ledger/sidecar.yaml");
            Snapshot.Match(run.Manifests["ledger/authorizationpolicy.yaml"], "ledger/authorizationpolicy.yaml");
            foreach (string file in IstioFiles)
            {
                Assert.Contains("/v1beta1\n", run.Manifests[file], System.StringComparison.Ordinal);
                validator.AssertValid(run.Manifests[file], file);
            }
        }

        [Fact]
        public void Reset_before_request_before_1_23_refuses_only_the_virtual_service()
        {
            var run = GeneratorHarness.Run(
                """
                using MeshAttributes;
                [assembly: MeshService("payments")]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure,reset-before-request")]
                [assembly: Timeout("5s")]
                [assembly: ConnectionPool(MaxRetries = 3)]
                """,
                Release("1.22"));

            var error = Assert.Single(run.Errors);
            Assert.Equal(("payments/virtualservice.yaml", "MESH009"), (error.Path, error.Id));
            Assert.Contains("Istio has from 1.23", error.Message, System.StringComparison.Ordinal);
            Assert.DoesNotContain("payments/virtualservice.yaml", run.Manifests.Keys);
            Assert.Contains("payments/destinationrule.yaml", run.Manifests.Keys);
        }

        [Fact]
        public void Reset_before_request_on_an_endpoint_before_1_23_refuses_the_virtual_service()
        {
            var run = GeneratorHarness.Run(
                new[]
                {
                    """
                    using MeshAttributes;
                    [assembly: MeshService("payments")]
                    [assembly: Timeout("5s")]
                    [assembly: ConnectionPool(MaxRetries = 3)]
                    """,
                    """
                    using MeshAttributes;
                    using Microsoft.AspNetCore.Mvc;
                    public class PaymentsController : ControllerBase
                    {
                        [HttpPost("/payments")]
                        [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "reset-before-request")]
                        public IActionResult Charge() => Ok();
                    }
                    """,
                },
                Release("1.22"));

            Assert.Equal(new[] { ("payments/virtualservice.yaml", "MESH009") }, run.Errors.Select(e => (e.Path, e.Id)));
        }

        [Fact]
        public void Retry_budget_before_1_27_refuses_only_the_destination_rule()
        {
            const string source = """
                using MeshAttributes;
                [assembly: MeshService("payments")]
                [assembly: RetryBudget(Percent = 20)]
                """;

            var old = GeneratorHarness.Run(source, Release("1.26"));
            var current = GeneratorHarness.Run(source, Release("1.27"));

            Assert.Equal(new[] { ("payments/destinationrule.yaml", "MESH009") }, old.Errors.Select(e => (e.Path, e.Id)));
            Assert.Contains("payments/peerauthentication.yaml", old.Manifests.Keys);
            Assert.Empty(current.Errors);
            Assert.Contains("retryBudget:", current.Manifests["payments/destinationrule.yaml"], System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("latest")]
        [InlineData("1.24.x")]
        [InlineData("1.19")]
        public void A_MeshIstioVersion_that_is_not_a_supported_release_writes_nothing_and_names_the_property(string release)
        {
            var run = GeneratorHarness.Run(EveryIstioResource, Release(release));

            Assert.Empty(run.Manifests);
            Assert.NotEmpty(run.Errors);
            Assert.All(run.Errors, e => Assert.Equal("MESH009", e.Id));
            Assert.All(run.Errors, e => Assert.Contains("MeshIstioVersion", e.Message, System.StringComparison.Ordinal));
            Assert.All(run.Errors, e => Assert.Contains("<MeshIstioVersion>1.24</MeshIstioVersion>", e.Message, System.StringComparison.Ordinal));
        }
    }
}
