using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// The in-app retries the service's code makes (what MESH107 reads) are recorded on its own Sidecar, so the mesh view
    /// (<c>mesh check</c>) can multiply them into a call path's tries.
    /// </summary>
    public class InAppRetryAnnotationTests
    {
        // Stand-ins for Microsoft.Extensions.Http.Resilience with its real names and namespaces, as the reader recognises them.
        private const string ResilienceStubs = """
            using System;
            namespace Microsoft.Extensions.Http.Resilience
            {
                public class HttpRetryStrategyOptions { public int MaxRetryAttempts { get; set; } = 3; }
                public class HttpStandardResilienceOptions { public HttpRetryStrategyOptions Retry { get; } = new(); }
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                using Microsoft.Extensions.Http.Resilience;

                public static class ResilienceHttpClientBuilderExtensions
                {
                    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null) => builder;
                }
            }
            """;

        [Fact]
        public void In_app_retries_on_a_dependency_are_recorded_on_the_sidecar()
        {
            var run = GeneratorHarness.Run(new[]
            {
                """
                using System;
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                [assembly: MeshService("checkout-service")]
                [assembly: DependsOn("inventory-service")]
                [assembly: DependsOn("payment-service")]

                public static class Clients
                {
                    public static void Add(WebApplicationBuilder builder)
                    {
                        builder.Services.AddHttpClient("inventory-service").AddStandardResilienceHandler();
                        builder.Services.AddHttpClient("payment-service", c => c.BaseAddress = new Uri("http://payment-service:8080"))
                            .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 1);
                    }
                }
                """,
                ResilienceStubs,
            });

            string sidecar = run.Manifests["checkout-service/sidecar.yaml"];
            const string annotations =
                "  annotations:\n    meshattributes.io/service-account: checkout-service\n    meshattributes.io/in-app-retries: \"inventory-service=3,payment-service=1\"\n";
            Assert.True(sidecar.Contains(annotations, System.StringComparison.Ordinal), sidecar);
        }

        [Fact]
        public void Without_in_app_retries_the_sidecar_has_no_in_app_retries_annotation()
        {
            var run = GeneratorHarness.Run("""
                using MeshAttributes;
                [assembly: MeshService("checkout-service")]
                [assembly: DependsOn("inventory-service")]
                """);

            Assert.DoesNotContain("in-app-retries", run.Manifests["checkout-service/sidecar.yaml"]);
        }
    }
}
