using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// Every manifest the generator produces must be one the cluster accepts: the strict JSON schemas generated
    /// from the Istio 1.30.3 and prometheus-operator CRDs, the CRDs' CEL rules (durations ≥ 1ms), and Grafana's
    /// dashboard schema, from ../shared/schemas.
    /// </summary>
    public class SchemaValidationTests
    {
        public static IEnumerable<object[]> GoldenFiles() =>
            Directory.GetFiles(Snapshot.Directory, "*.verified.*").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

        [SkippableTheory]
        [MemberData(nameof(GoldenFiles))]
        public void Every_golden_file_is_valid_against_the_real_schemas(string file)
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            string text = File.ReadAllText(Path.Combine(Snapshot.Directory, file));
            if (file.EndsWith(".json", System.StringComparison.Ordinal))
            {
                validator.AssertDashboardValid(text, file);
            }
            else if (!file.Contains(".kustomization."))
            {
                validator.AssertValid(text, file);
            }
        }

        [SkippableFact]
        public void Every_file_of_a_service_using_every_attribute_is_valid()
        {
            var validator = ManifestValidator.Load(SharedFolder.RequireSchemas());
            var run = GeneratorHarness.Run(new[]
            {
                """
                using MeshAttributes;
                [assembly: MeshService("everything", Namespace = "shop", Port = 8443)]
                [assembly: CircuitBreaker(Consecutive5xxErrors = 4, ConsecutiveGatewayErrors = 2, Interval = "1m30s", BaseEjectionTime = "45s", MaxEjectionPercent = 40, MinHealthPercent = 20)]
                [assembly: ConnectionPool(MaxConnections = 10, ConnectTimeout = "250ms", H2UpgradePolicy = H2UpgradePolicy.Upgrade, Http1MaxPendingRequests = 5, Http2MaxRequests = 20, MaxRequestsPerConnection = 1, MaxRetries = 2, IdleTimeout = "1h")]
                [assembly: LoadBalancer(LoadBalancerPolicy.Passthrough)]
                [assembly: RetryBudget(Percent = 12.5, MinRetryConcurrency = 2)]
                [assembly: MutualTls(MutualTlsMode.Strict)]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1.5s", RetryOn = "connect-failure,refused-stream,503")]
                [assembly: Timeout("5s")]
                [assembly: DependsOn("inventory-service")]
                [assembly: AllowCaller("checkout-service")]
                [assembly: Alerting(ErrorRateWarning = 0.01, ErrorRateCritical = 0.1, LatencyP99 = "750ms", RunbookUrl = "https://runbooks.example/everything?x=1&y=2")]
                """,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGroup("/api/{tenant}").MapPut("/items/{id:guid}", [Retry(Attempts = 1, RetryOn = "reset")] [Timeout("2s")] () => Results.Ok());
                        app.MapGet("/files/{*path}", [Timeout("30s")] () => Results.Ok());
                        app.MapMethods("/", new[] { "HEAD" }, [Timeout("100ms")] () => Results.Ok());
                    }
                }
                """,
            });

            Assert.Empty(run.Errors);
            foreach (var (path, text) in run.Manifests)
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
    }
}
