using System.Threading.Tasks;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>MESH107: in-app retries on a client whose service the mesh also retries.</summary>
    public class StackedRetriesTests
    {
        private const string Services = """
            using System;
            using MeshAttributes;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            [assembly: MeshService("checkout-service")]
            [assembly: DependsOn("inventory-service")]

            [MeshService("inventory-service")]
            [ConnectionPool(MaxRetries = 3)]
            [Timeout("10s")]
            [Retry(Attempts = 2, PerTryTimeout = "2s", RetryOn = "connect-failure")]
            public class InventoryPolicy { }

            """;

        [Fact]
        public Task In_app_retries_on_a_dependency_the_mesh_retries_fire() =>
            Verify.Analyzer(
                new[]
                {
                    Services + """
                    public static class Clients
                    {
                        public static void Add(WebApplicationBuilder builder)
                        {
                            builder.Services.AddHttpClient("inventory-service").{|MESH107:AddStandardResilienceHandler|}();
                            builder.Services.AddHttpClient("inventory", c => c.BaseAddress = new Uri("http://inventory-service.shop:8080"))
                                .{|MESH107:AddTransientHttpErrorPolicy|}(p => p.WaitAndRetryAsync(3, n => TimeSpan.FromSeconds(n)));
                            var typed = builder.Services.AddHttpClient("inventory-service");
                            typed.{|MESH107:AddResilienceHandler|}("retry", p => p.AddRetry(new Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions { MaxRetryAttempts = 5 }));
                            builder.Services.ConfigureHttpClientDefaults(b => b.{|MESH107:AddStandardResilienceHandler|}());
                        }
                    }
                    """,
                    Sources.ResilienceStubs,
                });

        [Fact]
        public Task Clients_of_other_services_or_without_a_retry_do_not_fire() =>
            Verify.Analyzer(
                new[]
                {
                    Services + """
                    public static class Clients
                    {
                        public static void Add(WebApplicationBuilder builder)
                        {
                            builder.Services.AddHttpClient("shipping-service").AddStandardResilienceHandler();
                            builder.Services.AddHttpClient("inventory-service").AddResilienceHandler("timeout", p => p.AddTimeout(TimeSpan.FromSeconds(2)));
                            builder.Services.AddHttpClient("inventory-service").AddTransientHttpErrorPolicy(p => p.CircuitBreakerAsync(5, TimeSpan.FromSeconds(30)));
                        }
                    }
                    """,
                    Sources.ResilienceStubs,
                });

        [Fact]
        public Task Message_says_how_many_attempts_result() =>
            Verify.Analyzer(
                new[]
                {
                    Services + """
                    public static class Clients
                    {
                        public static void Add(WebApplicationBuilder builder) =>
                            builder.Services.AddHttpClient("inventory-service").{|#0:AddStandardResilienceHandler|}();
                    }
                    """,
                    Sources.ResilienceStubs,
                },
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(Generators.Analyzers.Descriptors.StackedRetries).WithLocation(0).WithArguments(
                    "AddStandardResilienceHandler retries the HttpClient for 'inventory-service' in the app (3 retries) and the mesh retries 'inventory-service' too (Attempts = 2): " +
                    "the layers multiply, so one call can reach 'inventory-service' up to 12 times (4 × 3) while it is failing; keep one layer: drop the in-app retry (or set its MaxRetryAttempts to 0) and let the mesh retry, or set [Retry(Attempts = 0)] on 'inventory-service'"));
    }
}
