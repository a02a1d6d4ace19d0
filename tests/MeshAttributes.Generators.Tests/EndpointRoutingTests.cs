using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class EndpointRoutingTests
    {
        private const string ServiceLevel = """
            using MeshAttributes;
            [assembly: MeshService("orders")]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "5xx")]
            [assembly: Timeout("5s")]
            """;

        [Fact]
        public void Controller_actions_get_method_and_uri_matches_with_controller_route_and_tokens()
        {
            var run = GeneratorHarness.Run(new[]
            {
                ServiceLevel,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/[controller]")]
                public class OrdersController : ControllerBase
                {
                    [HttpGet("{id:int}")]
                    [Retry(Attempts = 4, PerTryTimeout = "500ms", RetryOn = "5xx,reset")]
                    public IActionResult Get(int id) => Ok();

                    [HttpGet("summary")]
                    [Timeout("2s")]
                    public IActionResult Summary() => Ok();

                    [HttpPost]
                    [Retry(Attempts = 1, RetryOn = "connect-failure,refused-stream")]
                    public IActionResult Create() => Ok();

                    [HttpGet]
                    public IActionResult List() => Ok();
                }
                """,
            });

            Snapshot.Match(run.Manifests["orders/virtualservice.yaml"], "orders/virtualservice.yaml");
        }

        [Fact]
        public void Minimal_api_handlers_with_map_group_prefixes_get_their_own_routes()
        {
            var run = GeneratorHarness.Run(new[]
            {
                ServiceLevel,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/orders", [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")] () => Results.Ok());

                        var api = app.MapGroup("/api").WithTags("api");
                        var v1 = api.MapGroup("v1");
                        v1.MapGet("/orders/{id}", [Timeout("3s")] (string id) => Results.Ok(id));
                        app.MapGroup("/admin").MapDelete("/orders/{id:int}", [Timeout("30s")] (int id) => Results.NoContent());
                        app.MapMethods("/orders/{id}/items/{*rest}", new[] { "PUT", HttpMethods.Patch }, [Retry(Attempts = 0)] () => Results.Ok());
                        app.MapGet("/health", () => Results.Ok());
                    }
                }
                """,
            });

            Snapshot.Match(run.Manifests["orders/virtualservice.yaml"], "orders/virtualservice.yaml");
        }

        [Fact]
        public void Endpoint_timeout_alone_inherits_the_service_retry_and_endpoint_retry_alone_inherits_the_service_timeout()
        {
            var run = GeneratorHarness.Run(new[]
            {
                ServiceLevel,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/slow", [Timeout("20s")] () => Results.Ok());
                        app.MapGet("/flaky", [Retry(Attempts = 5, PerTryTimeout = "200ms", RetryOn = "reset")] () => Results.Ok());
                    }
                }
                """,
            });

            string yaml = run.Manifests["orders/virtualservice.yaml"];
            string slow = Route(yaml, "get-slow");
            Assert.Contains("timeout: 20s", slow);
            Assert.Contains("attempts: 2", slow);
            Assert.Contains("retryOn: 5xx", slow);
            string flaky = Route(yaml, "get-flaky");
            Assert.Contains("attempts: 5", flaky);
            Assert.Contains("retryOn: reset", flaky);
            Assert.DoesNotContain("5xx", flaky);
            Assert.Contains("timeout: 5s", flaky);
        }

        [Fact]
        public void Controller_level_policy_applies_to_each_action_and_an_action_overrides_it()
        {
            var run = GeneratorHarness.Run(new[]
            {
                """
                using MeshAttributes;
                [assembly: MeshService("catalog")]
                """,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Mvc;

                [Route("products")]
                [Timeout("4s")]
                public class ProductsController : ControllerBase
                {
                    [HttpGet("{id}")]
                    public IActionResult Get(string id) => Ok();

                    [HttpPut("{id}")]
                    [Timeout("9s")]
                    public IActionResult Put(string id) => Ok();
                }
                """,
            });

            string yaml = run.Manifests["catalog/virtualservice.yaml"];
            Assert.Contains("timeout: 4s", Route(yaml, "get-products-id"));
            Assert.Contains("timeout: 9s", Route(yaml, "put-products-id"));
        }

        [Fact]
        public void A_group_handed_in_from_elsewhere_is_left_out_rather_than_routed_at_the_wrong_path()
        {
            var run = GeneratorHarness.Run(new[]
            {
                ServiceLevel,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Routing;

                public static class Endpoints
                {
                    public static void Map(RouteGroupBuilder group) =>
                        group.MapGet("/orders", [Timeout("1s")] () => Results.Ok());
                }
                """,
            });

            Assert.DoesNotContain("match:", run.Manifests["orders/virtualservice.yaml"]);
        }

        [Fact]
        public void An_app_built_into_a_local_as_the_web_template_does_is_the_root_of_its_routes_and_groups()
        {
            // The body of a `dotnet new web` Program.cs, in a method (the harness compiles a library).
            var run = GeneratorHarness.Run(new[]
            {
                ServiceLevel,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Program
                {
                    public static void Main(string[] args)
                    {
                        var builder = WebApplication.CreateBuilder(args);
                        var app = builder.Build();
                        app.MapGet("/orders/{id}", [Timeout("3s")] (int id) => Results.Ok(id));
                        var tracking = app.MapGroup("/tracking");
                        tracking.MapGet("/{number}", [Timeout("4s")] (string number) => Results.Ok(number));
                        app.Run();
                    }
                }
                """,
            });

            string yaml = run.Manifests["orders/virtualservice.yaml"];
            Assert.Contains("timeout: 3s", Route(yaml, "get-orders-id"));
            Assert.Contains("timeout: 4s", Route(yaml, "get-tracking-number"));
        }

        // The text of one named http route, up to the next route.
        private static string Route(string yaml, string name)
        {
            int start = yaml.IndexOf("- name: " + name + "\n", System.StringComparison.Ordinal);
            Assert.True(start >= 0, $"route {name} not found in:\n{yaml}");
            int end = yaml.IndexOf("- name: ", start + 1, System.StringComparison.Ordinal);
            return end < 0 ? yaml.Substring(start) : yaml.Substring(start, end - start);
        }
    }
}
