using System.Linq;
using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class PlatformProjectTests
    {
        [Fact]
        public void Each_mesh_service_class_becomes_its_own_service_without_the_projects_endpoints()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                [MeshService("legacy-billing", Namespace = "finance", Port = 9000)]
                [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure")]
                [Timeout("3s")]
                public sealed class LegacyBilling { }

                [MeshService("search")]
                [LoadBalancer(LoadBalancerPolicy.RoundRobin)]
                public sealed class Search { }

                public static class Endpoints
                {
                    // Not part of any class-declared service: those run elsewhere.
                    public static void Map(WebApplication app) => app.MapGet("/x", [Timeout("9s")] () => Results.Ok());
                }
                """);

            Assert.Equal(new[] { "legacy-billing", "search" }, run.Manifests.Keys.Select(k => k.Split('/')[0]).Distinct());
            Assert.Contains("legacy-billing/virtualservice.yaml", run.Manifests.Keys);
            Assert.DoesNotContain("search/virtualservice.yaml", run.Manifests.Keys);
            Snapshot.Match(run.Manifests["legacy-billing/virtualservice.yaml"], "legacy-billing/virtualservice.yaml");
        }
    }
}
