using System.Threading.Tasks;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>
    /// MESH300: a handler with mesh attributes whose route cannot be known is reported with the reason it is left out; a
    /// routed handler, and a handler without mesh attributes, are not.
    /// </summary>
    public class CoverageRuleTests
    {
        private const string Service = """
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Routing;

            [assembly: MeshService("orders")]
            [assembly: ConnectionPool(MaxRetries = 3)]

            """;

        [Fact]
        public Task MESH300_a_spread_in_MapMethods_leaves_the_endpoint_out() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, string[] verbs)
                    {
                        app.{|#0:MapMethods|}("/x", [..verbs, "POST"], [Timeout("1s")] () => Results.Ok());
                        app.MapMethods("/y", ["PUT", "POST"], [Timeout("1s")] () => Results.Ok());
                    }
                }
                """,
                Verify.Diagnostic("MESH300", 0, "Endpoint not routed: the handler MapMethods maps carries [Timeout], but its HTTP methods include a spread ('..'), whose methods are known only at run time; list every method as a constant. Until then its attributes make no route of their own, and the service's default route applies to it"));

        [Fact]
        public Task MESH300_a_foreach_variable_named_like_a_constant_is_not_the_constant() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + """
                public static class Endpoints
                {
                    private const string Route = "/constant";

                    public static void Map(WebApplication app, string[] routes)
                    {
                        foreach (var Route in routes)
                        {
                            app.{|#0:MapGet|}(Route, [Timeout("1s")] () => Results.Ok());
                        }

                        app.MapGet(Route, [Timeout("1s")] () => Results.Ok());
                    }
                }
                """,
                Verify.Diagnostic("MESH300", 0, "Endpoint not routed: the handler MapGet maps carries [Timeout], but its route is computed at run time; write the route as a constant (a string literal or a const). Until then its attributes make no route of their own, and the service's default route applies to it"));

        [Fact]
        public Task MESH300_a_reassigned_group_local_leaves_the_endpoint_out() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var g = app.MapGroup("/a");
                        g = app.MapGroup("/b");
                        g.{|#0:MapGet|}("/x", [Idempotent] () => Results.Ok());

                        var once = app.MapGroup("/c");
                        once.MapGet("/x", [Idempotent] () => Results.Ok());
                    }
                }
                """,
                Verify.Diagnostic("MESH300", 0, "Endpoint not routed: the handler MapGet maps carries [Idempotent], but the group it is mapped on is held in local 'g', which is assigned more than once, so which group it holds is known only at run time; give each group its own local. Until then its attributes make no route of their own, and the service's default route applies to it"));

        [Fact]
        public Task MESH300_a_group_parameter_leaves_the_endpoint_out() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + """
                public static class Endpoints
                {
                    public static void Map(RouteGroupBuilder group) =>
                        group.{|MESH300:MapPost|}("/orders", [Timeout("2s")] () => Results.Ok());
                }
                """);

        [Fact]
        public Task MESH300_a_conventionally_routed_action_is_left_out_and_a_routed_one_is_not() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + """
                public class HomeController : Controller
                {
                    [Timeout("2s")]
                    public IActionResult {|#0:Index|}() => View();

                    [Timeout("2s")]
                    [HttpGet("/about")]
                    public IActionResult About() => View();

                    [Timeout("2s")]
                    [NonAction]
                    public IActionResult Helper() => View();
                }
                """,
                Verify.Diagnostic("MESH300", 0, "Endpoint not routed: action HomeController.Index carries [Timeout], but it has no attribute route ([HttpGet(\"...\")] or [Route] on it or its controller), and conventional routes are configured at run time; give the action an attribute route. Until then its attributes make no route of their own, and the service's default route applies to it"));

        [Fact]
        public Task MESH300_is_silent_for_a_handler_without_mesh_attributes() =>
            Verify.Analyzer(Sources.Usings + "\n" + Service + """
                public static class Endpoints
                {
                    public static void Map(RouteGroupBuilder group, string tenant)
                    {
                        group.MapGet("/orders", () => Results.Ok());
                        group.MapGet("/" + tenant, [Microsoft.AspNetCore.Authorization.AllowAnonymous] () => Results.Ok());
                    }
                }
                """);
    }
}
