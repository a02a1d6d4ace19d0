using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.Testing.Routing;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// Every golden VirtualService, run through Envoy's route matching: each request reaches the route of the endpoint
    /// ASP.NET Core routes it to (trailing slash, any case, encoded letters, query strings, parameters and their
    /// constraints, optional and catch-all segments, ASP.NET Core's precedence across methods), and no other.
    /// </summary>
    public class VirtualServiceRoutingTests
    {
        private const string Payments = nameof(Routes_follow_aspnet_core_matching_for_every_kind_of_template);
        private const string Controllers = nameof(EndpointRoutingTests.Controller_actions_get_method_and_uri_matches_with_controller_route_and_tokens);
        private const string Minimal = nameof(EndpointRoutingTests.Minimal_api_handlers_with_map_group_prefixes_get_their_own_routes);
        private const string CaseStudy = nameof(VirtualServiceTests.Case_study_payment_retry_and_timeout_render_the_default_route);
        private const string ServiceClass = "Each_mesh_service_class_becomes_its_own_service_without_the_projects_endpoints";
        private const string Unattributed = nameof(Endpoints_without_a_policy_keep_the_requests_aspnet_core_routes_to_them);

        [Fact]
        public void Routes_follow_aspnet_core_matching_for_every_kind_of_template()
        {
            // Less specific templates are declared first: the order must come from ASP.NET Core's precedence.
            var run = GeneratorHarness.Run(new[]
            {
                """
                using MeshAttributes;
                [assembly: MeshService("payments")]
                [assembly: Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset,connect-failure,retriable-4xx")]
                [assembly: Timeout("10s")]
                """,
                """
                using System;
                using MeshAttributes;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/[controller]")]
                public class PaymentsController : ControllerBase
                {
                    [HttpPost]
                    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
                    public IActionResult Charge() => Ok();

                    [HttpGet("{id:guid}")]
                    [Timeout("2s")]
                    public IActionResult Get(Guid id) => Ok();

                    [HttpPost("{id:guid}/refunds")]
                    [Retry(Attempts = 0)]
                    public IActionResult Refund(Guid id) => Ok();
                }
                """,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapGet("/receipts/{year:int}/{month:int?}", [Timeout("4s")] (int year, int? month) => Results.Ok());
                        app.MapGet("/docs/{*path}", [Timeout("9s")] (string? path) => Results.Ok());
                        app.MapGet("/docs/index", [Timeout("1s")] () => Results.Ok());
                        app.MapGet("/exports/{name}.{ext?}", [Timeout("30s")] (string name, string? ext) => Results.Ok());
                        app.MapGet("/pages/{page=1}", [Timeout("3s")] (int page) => Results.Ok());
                        app.Map("/pages/{page:int}", [Timeout("6s")] (int page) => Results.Ok());
                        app.Map("/items/{id}", [Retry(Attempts = 0)] (string id) => Results.Ok());
                        app.MapGet("/items/{id}", [Timeout("2s")] (string id) => Results.Ok());
                        app.MapGet("/items/{id}/{**rest}", [Timeout("7s")] (string id, string? rest) => Results.Ok());
                        app.Map("/items/special", [Timeout("8s")] () => Results.Ok());
                    }
                }
                """,
            });

            Snapshot.Match(run.Manifests["payments/virtualservice.yaml"], "payments/virtualservice.yaml");
        }

        [Fact]
        public void Endpoints_without_a_policy_keep_the_requests_aspnet_core_routes_to_them()
        {
            // The service retries only what never reached the app; one endpoint deduplicates and may be replayed. Its
            // unattributed, more specific siblings must not inherit that.
            var run = GeneratorHarness.Run(new[]
            {
                """
                using MeshAttributes;
                [assembly: MeshService("payments")]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream")]
                [assembly: Timeout("10s")]
                """,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/orders")]
                public class OrdersController : ControllerBase
                {
                    [HttpGet("{id}")]
                    [Timeout("1s")]
                    public IActionResult Get(string id) => Ok();

                    [HttpGet("summary")]
                    public IActionResult Summary() => Ok();

                    [HttpGet("{id:int}/lines")]
                    public IActionResult Lines(int id) => Ok();
                }

                public class AuditController : ControllerBase
                {
                    [HttpGet("/api/orders/audit")]
                    public IActionResult Audit() => Ok();
                }
                """,
                """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/payments/{id}", [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "5xx,reset")] [Idempotent] (string id) => Results.Ok());
                        app.MapPost("/payments/refund", () => Results.Ok());
                        app.MapDelete("/payments/refund", () => Results.Ok());
                        app.Map("/hooks/{name}", [Timeout("5s")] (string name) => Results.Ok());
                        app.MapPost("/hooks/{name}", (string name) => Results.Ok());
                        app.MapGet("/stock/{sku:int}", [Timeout("2s")] (int sku) => Results.Ok());
                        app.MapGet("/stock/all", () => Results.Ok());
                        app.MapGet("/reports/{id}", Reports.Get);
                        app.MapGet("/reports/latest", Reports.Latest);
                        var admin = app.MapGroup("/admin");
                        admin.MapGet("/{section}", [Timeout("3s")] (string section) => Results.Ok());
                        admin.MapGet("/health", () => Results.Ok());
                    }
                }

                public static class Reports
                {
                    [Timeout("20s")]
                    public static IResult Get(string id) => Results.Ok();

                    public static IResult Latest() => Results.Ok();
                }
                """,
            });

            Snapshot.Match(run.Manifests["payments/virtualservice.yaml"], "payments/virtualservice.yaml");
        }

        [Theory]
        // A trailing slash, another case, an encoded letter or a query string still reach the card charge's safe route.
        [InlineData(Payments, "POST", "/api/Payments", "post-api-payments")]
        [InlineData(Payments, "POST", "/api/payments/", "post-api-payments")]
        [InlineData(Payments, "POST", "/API/Payments", "post-api-payments")]
        [InlineData(Payments, "POST", "/api/pay%6Dents", "post-api-payments")]
        [InlineData(Payments, "POST", "/api/payments?idempotency=1", "post-api-payments")]
        [InlineData(Payments, "POST", "/api/payments/?x=1#top", "post-api-payments")]
        [InlineData(Payments, "GET", "/api/payments", "default")]
        [InlineData(Payments, "POST", "/api/payments//", "default")]
        [InlineData(Payments, "POST", "/api/payments/x", "default")]
        [InlineData(Payments, "POST", "/api/paymentsx", "default")]
        // {id:guid} is matched as any one segment (RE2 cannot say what Guid.TryParse accepts): wider, never narrower.
        [InlineData(Payments, "GET", "/api/payments/3fa85f64-5717-4562-b3fc-2c963f66afa6", "get-api-payments-id-guid")]
        [InlineData(Payments, "GET", "/api/payments/3FA85F64-5717-4562-B3FC-2C963F66AFA6/", "get-api-payments-id-guid")]
        [InlineData(Payments, "GET", "/api/payments/3fa85f6457174562b3fc2c963f66afa6", "get-api-payments-id-guid")]
        [InlineData(Payments, "GET", "/api/payments/%7B3fa85f64-5717-4562-b3fc-2c963f66afa6%7D", "get-api-payments-id-guid")]
        [InlineData(Payments, "GET", "/api/payments/last-month", "default")]
        [InlineData(Payments, "POST", "/api/payments/3fa85f64-5717-4562-b3fc-2c963f66afa6/refunds/", "post-api-payments-id-guid-refunds")]
        [InlineData(Payments, "POST", "/api/payments/3fa85f64-5717-4562-b3fc-2c963f66afa6/Refunds?reason=dup", "post-api-payments-id-guid-refunds")]
        // An int parameter: digits with an optional sign, and an optional segment after it.
        [InlineData(Payments, "GET", "/receipts/2024", "get-receipts-year-int-month-int")]
        [InlineData(Payments, "GET", "/receipts/2024/", "get-receipts-year-int-month-int")]
        [InlineData(Payments, "GET", "/receipts/2024/05", "get-receipts-year-int-month-int")]
        [InlineData(Payments, "GET", "/receipts/-1/+5/", "get-receipts-year-int-month-int")]
        [InlineData(Payments, "GET", "/receipts/%2B7", "get-receipts-year-int-month-int")]
        [InlineData(Payments, "GET", "/receipts", "default")]
        [InlineData(Payments, "GET", "/receipts/abc", "default")]
        [InlineData(Payments, "GET", "/receipts/2024/may", "default")]
        [InlineData(Payments, "GET", "/receipts/2024/05/01", "default")]
        [InlineData(Payments, "GET", "/receipts/12.5", "default")]
        // A catch-all takes the rest, none included; a literal route beats it.
        [InlineData(Payments, "GET", "/docs", "get-docs-path")]
        [InlineData(Payments, "GET", "/docs/", "get-docs-path")]
        [InlineData(Payments, "GET", "/docs/a/b/c.md", "get-docs-path")]
        [InlineData(Payments, "GET", "/docs/index", "get-docs-index")]
        [InlineData(Payments, "GET", "/DOCS/Index/", "get-docs-index")]
        [InlineData(Payments, "GET", "/docs/index/more", "get-docs-path")]
        [InlineData(Payments, "GET", "/docsx", "default")]
        // A complex segment with an optional part; a parameter with a default value.
        [InlineData(Payments, "GET", "/exports/report.csv", "get-exports-name-ext")]
        [InlineData(Payments, "GET", "/exports/report", "get-exports-name-ext")]
        [InlineData(Payments, "GET", "/exports", "default")]
        [InlineData(Payments, "GET", "/pages", "get-pages-page-1")]
        [InlineData(Payments, "GET", "/pages/", "get-pages-page-1")]
        [InlineData(Payments, "GET", "/pages/abc", "get-pages-page-1")]
        // {page:int} (constrained) beats {page=1} (plain) whatever the method restriction.
        [InlineData(Payments, "GET", "/pages/2", "any-pages-page-int")]
        [InlineData(Payments, "DELETE", "/pages/2", "any-pages-page-int")]
        [InlineData(Payments, "DELETE", "/pages", "default")]
        // At equal precedence a method-specific endpoint beats one for any method; a literal beats both.
        [InlineData(Payments, "GET", "/items/7", "get-items-id")]
        [InlineData(Payments, "POST", "/items/7", "any-items-id")]
        [InlineData(Payments, "GET", "/items/special", "any-items-special")]
        [InlineData(Payments, "PUT", "/Items/SPECIAL/", "any-items-special")]
        [InlineData(Payments, "GET", "/items/7/a/b", "get-items-id-rest")]
        [InlineData(Payments, "GET", "/items/special/a", "get-items-id-rest")]
        [InlineData(Payments, "POST", "/items/7/a", "default")]
        // The controller golden: literal and constrained routes, the query string ignored.
        [InlineData(Controllers, "GET", "/api/orders/12?x=1", "get-api-orders-id-int")]
        [InlineData(Controllers, "GET", "/API/Orders/-12/", "get-api-orders-id-int")]
        [InlineData(Controllers, "GET", "/api/orders/abc", "default")]
        [InlineData(Controllers, "GET", "/api/orders/summary", "get-api-orders-summary")]
        [InlineData(Controllers, "GET", "/api/Orders/SUMMARY/", "get-api-orders-summary")]
        [InlineData(Controllers, "POST", "/api/orders/", "post-api-orders")]
        [InlineData(Controllers, "GET", "/api/orders", "default")]
        // The minimal-API golden: group prefixes, several methods, a catch-all.
        [InlineData(Minimal, "POST", "/orders/", "post-orders")]
        [InlineData(Minimal, "GET", "/api/v1/orders/x/", "get-api-v1-orders-id")]
        [InlineData(Minimal, "DELETE", "/Admin/Orders/5/", "delete-admin-orders-id-int")]
        [InlineData(Minimal, "DELETE", "/admin/orders/x", "default")]
        [InlineData(Minimal, "PUT", "/orders/1/items", "patch-put-orders-id-items-rest")]
        [InlineData(Minimal, "PATCH", "/orders/1/items/a/b/", "patch-put-orders-id-items-rest")]
        [InlineData(Minimal, "GET", "/orders/1/items", "default")]
        // Endpoints without a policy keep what ASP.NET Core routes to them: never the replaying retries of a less specific route.
        [InlineData(Unattributed, "POST", "/payments/refund", "post-payments-refund")]
        [InlineData(Unattributed, "POST", "/Payments/Refund/", "post-payments-refund")]
        [InlineData(Unattributed, "POST", "/payments/p-17", "post-payments-id")]
        [InlineData(Unattributed, "DELETE", "/payments/refund", "default")]
        [InlineData(Unattributed, "GET", "/api/orders/summary", "get-api-orders-summary")]
        [InlineData(Unattributed, "GET", "/api/orders/audit/", "get-api-orders-audit")]
        [InlineData(Unattributed, "GET", "/api/orders/o-1", "get-api-orders-id")]
        [InlineData(Unattributed, "GET", "/api/orders/1/lines", "default")]
        [InlineData(Unattributed, "POST", "/hooks/build", "post-hooks-name")]
        [InlineData(Unattributed, "GET", "/hooks/build", "any-hooks-name")]
        [InlineData(Unattributed, "GET", "/stock/all", "default")]
        [InlineData(Unattributed, "GET", "/stock/12", "get-stock-sku-int")]
        [InlineData(Unattributed, "GET", "/reports/latest", "get-reports-latest")]
        [InlineData(Unattributed, "GET", "/reports/r-9", "get-reports-id")]
        [InlineData(Unattributed, "GET", "/admin/health", "get-admin-health")]
        [InlineData(Unattributed, "GET", "/admin/users", "get-admin-section")]
        // Services without endpoint routes: everything takes the default route.
        [InlineData(CaseStudy, "POST", "/api/payments/", "default")]
        [InlineData(ServiceClass, "GET", "/", "default")]
        public void Each_request_takes_the_route_of_the_endpoint_aspnet_core_routes_it_to(string test, string method, string target, string route)
        {
            Assert.Equal(route, Matcher(test).Route(method, target));
        }

        [Fact]
        public void Every_golden_virtual_service_is_in_the_routing_table()
        {
            var tested = typeof(VirtualServiceRoutingTests).GetMethod(nameof(Each_request_takes_the_route_of_the_endpoint_aspnet_core_routes_it_to))!
                .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
                .Select(a => (string)a.GetData(null!).First()[0]).ToHashSet();
            Assert.NotEmpty(GoldenVirtualServices());
            Assert.All(GoldenVirtualServices(), file => Assert.Contains(Path.GetFileName(file).Split('.')[0], tested));
        }

        [Fact]
        public void Every_golden_uri_regex_is_re2_within_istios_length_limit()
        {
            // Istio's validation rejects a regex longer than 1024 characters; the matcher rejects what RE2 does not read.
            var regexes = GoldenVirtualServices().SelectMany(file => EnvoyRouteMatcher.FromYaml(File.ReadAllText(file)).Regexes).ToList();
            Assert.NotEmpty(regexes);
            Assert.All(regexes, r => Assert.InRange(r.Length, 1, 1024));
        }

        private static EnvoyRouteMatcher Matcher(string test) =>
            EnvoyRouteMatcher.FromYaml(File.ReadAllText(GoldenVirtualServices().Single(f => Path.GetFileName(f).StartsWith(test + ".", System.StringComparison.Ordinal))));

        // tests/*/Snapshots/*virtualservice*.verified.yaml
        private static IReadOnlyList<string> GoldenVirtualServices() =>
            Directory.GetDirectories(Path.GetDirectoryName(Path.GetDirectoryName(Snapshot.Directory))!)
                .Select(project => Path.Combine(project, "Snapshots"))
                .Where(Directory.Exists)
                .SelectMany(snapshots => Directory.GetFiles(snapshots, "*virtualservice*.verified.yaml"))
                .OrderBy(f => f, System.StringComparer.Ordinal)
                .ToList();
    }
}
