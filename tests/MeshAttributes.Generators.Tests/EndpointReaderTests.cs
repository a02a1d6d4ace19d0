using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using MeshAttributes.Core.Model;
using MeshAttributes.Generators.FrontEnd;
using MeshAttributes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// <see cref="EndpointReader"/> reads each minimal-API handler shape right, or leaves it out with the reason the analyzer
    /// reports (MESH300); it never guesses. Each source maps exactly one handler with a mesh attribute.
    /// </summary>
    public class EndpointReaderTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using MeshAttributes;
            """;

        public static TheoryData<string, string, string, string> Routed() => new()
        {
            {
                "a top-level program", "POST", "/orders", """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapPost("/orders", [Retry(Attempts = 2, RetryOn = "reset")] (HttpContext context) => Results.Ok());
                app.Run();
                """
            },
            {
                "groups through locals, fluent conventions and parentheses", "PUT", "/api/{tenant}/v2/items/{id:int}", """
                public static class Endpoints
                {
                    public static void Map(IEndpointRouteBuilder app)
                    {
                        var api = app.MapGroup("/api/{tenant}").WithTags("catalog").RequireAuthorization();
                        var v2 = api.MapGroup("v2/");
                        (v2).MapPut("/items/{id:int}", [Timeout("2s")] (int id) => Results.NoContent());
                    }
                }
                """
            },
            {
                "a group held as IEndpointRouteBuilder, in a nested block", "DELETE", "/held/nested/{id}", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        IEndpointRouteBuilder held = app.MapGroup("/held");
                        if (DateTime.Now.Year > 2000)
                        {
                            var nested = held.MapGroup("/nested");
                            nested.MapDelete("/{id}", [Timeout("1s")] (int id) => Results.NoContent());
                        }
                    }
                }
                """
            },
            {
                "a group local declared first and assigned once", "GET", "/late/x", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        RouteGroupBuilder late;
                        late = app.MapGroup("/late");
                        late.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                    }
                }
                """
            },
            {
                "constant routes, named arguments in any order", "GET", "/api/export/csv", """
                public static class Routes
                {
                    public const string Prefix = "/api";
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet(handler: [Timeout("1s")] () => Results.Ok(), pattern: Routes.Prefix + "/export" + ("/" + "csv"));
                }
                """
            },
            {
                "a local constant hiding a member of the same name", "GET", "/slow", """
                public static class Endpoints
                {
                    private const string Route = "/member";

                    public static void Map(WebApplication app)
                    {
                        const string Route = "/slow";
                        app.MapGet(Route, [Timeout("45s")] () => Results.Ok());
                    }
                }
                """
            },
            {
                "MapMethods with an array, HttpMethods fields and lower case", "PATCH,POST", "/m", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapMethods("/m", new[] { "patch", HttpMethods.Post }, [Retry(Attempts = 1, RetryOn = "5xx")] () => Results.Ok());
                }
                """
            },
            {
                "MapMethods with a collection expression", "GET,HEAD", "/c", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapMethods("/c", ["GET", "HEAD", "GET"], [Timeout("1s")] () => Results.Ok());
                }
                """
            },
            {
                "Map answers any method", "", "/any", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app) => app.Map("/any", [Timeout("1s")] () => Results.Ok());
                }
                """
            },
            {
                "a handler mapped inside a lambda, on the builder it is given", "GET", "/inner", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        Action<IEndpointRouteBuilder> configure = routes => routes.MapGet("/inner", [Timeout("1s")] () => Results.Ok());
                        configure(app);
                    }
                }
                """
            },
        };

        public static TheoryData<string, string, string> LeftOut() => new()
        {
            {
                "a spread in MapMethods", "include a spread", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, string[] verbs) =>
                        app.MapMethods("/x", [..verbs, "POST"], [Retry(Attempts = 1, RetryOn = "reset")] () => Results.Ok());
                }
                """
            },
            {
                "methods built at run time", "HTTP methods are computed at run time", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, List<string> verbs) =>
                        app.MapMethods("/x", verbs, [Timeout("1s")] () => Results.Ok());
                }
                """
            },
            {
                "a foreach variable named like a constant member", "route is computed at run time", """
                public static class Endpoints
                {
                    private const string Route = "/constant";

                    public static void Map(WebApplication app, string[] routes)
                    {
                        foreach (var Route in routes)
                        {
                            app.MapGet(Route, [Timeout("1s")] () => Results.Ok());
                        }
                    }
                }
                """
            },
            {
                "an out variable named like a constant member", "route is computed at run time", """
                public static class Endpoints
                {
                    private const string Route = "/constant";

                    public static void Map(WebApplication app, Dictionary<string, string> routes)
                    {
                        if (routes.TryGetValue("orders", out var Route))
                        {
                            app.MapGet(Route, [Timeout("1s")] () => Results.Ok());
                        }
                    }
                }
                """
            },
            {
                "a pattern variable named like a constant member", "route is computed at run time", """
                public static class Endpoints
                {
                    private const string Route = "/constant";

                    public static void Map(WebApplication app, object setting)
                    {
                        if (setting is string Route)
                        {
                            app.MapGet(Route, [Timeout("1s")] () => Results.Ok());
                        }
                    }
                }
                """
            },
            {
                "a reassigned group local", "assigned more than once", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var g = app.MapGroup("/a");
                        g = app.MapGroup("/b");
                        g.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                    }
                }
                """
            },
            {
                "a group local assigned in both branches", "assigned more than once", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, bool v2)
                    {
                        RouteGroupBuilder g;
                        if (v2) { g = app.MapGroup("/v2"); } else { g = app.MapGroup("/v1"); }
                        g.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                    }
                }
                """
            },
            {
                "a group local reassigned inside a lambda", "assigned more than once", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var g = app.MapGroup("/a");
                        Action later = () => g = app.MapGroup("/b");
                        g.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                    }
                }
                """
            },
            {
                "a group local passed by ref", "assigned more than once", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        var g = app.MapGroup("/a");
                        Swap(ref g, app);
                        g.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                    }

                    private static void Swap(ref RouteGroupBuilder g, WebApplication app) => g = app.MapGroup("/b");
                }
                """
            },
            {
                "a group pattern variable", "cannot follow", """
                public static class Endpoints
                {
                    public static void Map(object routes)
                    {
                        if (routes is RouteGroupBuilder g)
                        {
                            g.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                        }
                    }
                }
                """
            },
            {
                "a group from a parameter", "passed in as parameter 'group'", """
                public static class Endpoints
                {
                    public static void Map(RouteGroupBuilder group) => group.MapGet("/unknowable", [Timeout("1s")] () => Results.Ok());
                }
                """
            },
            {
                "a group from a helper method", "comes from a call, field or property", """
                public static class Endpoints
                {
                    private static RouteGroupBuilder Orders(IEndpointRouteBuilder app) => app.MapGroup("/orders");

                    public static void Map(WebApplication app)
                    {
                        var orders = Orders(app);
                        orders.MapGet("/{id}", [Timeout("1s")] (int id) => Results.Ok(id));
                    }
                }
                """
            },
            {
                "a group prefix computed at run time", "prefix of its MapGroup is computed at run time", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, string tenant) =>
                        app.MapGroup("/" + tenant).MapGet("/x", [Timeout("1s")] () => Results.Ok());
                }
                """
            },
            {
                "a route order computed at run time", "route order (WithOrder) is computed at run time", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, int order) =>
                        app.MapGet("/x", [Timeout("1s")] () => Results.Ok()).WithTags("x").WithOrder(order);
                }
                """
            },
            {
                "a group's route order computed at run time", "order its group sets with WithOrder is computed at run time", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, int order)
                    {
                        var group = app.MapGroup("/g").WithOrder(order);
                        group.MapGet("/x", [Timeout("1s")] () => Results.Ok());
                    }
                }
                """
            },
            {
                "a route computed at run time", "route is computed at run time", """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, string tenant) =>
                        app.MapGet("/" + tenant, [Timeout("1s")] () => Results.Ok());
                }
                """
            },
        };

        [Theory]
        [MemberData(nameof(Routed))]
        public void Reads_the_route_and_methods_of(string shape, string methods, string route, string source)
        {
            HandlerReading reading = ReadOnlyHandler(source);

            Assert.True(reading.Endpoint is not null, $"{shape}: left out ({reading.NotRouted})");
            Assert.Equal(route, reading.Endpoint!.RouteTemplate);
            Assert.Equal(methods, string.Join(",", reading.Endpoint.Methods));
        }

        [Theory]
        [MemberData(nameof(LeftOut))]
        public void Leaves_out_with_its_reason(string shape, string reason, string source)
        {
            HandlerReading reading = ReadOnlyHandler(source);

            Assert.True(reading.Endpoint is null, $"{shape}: read as {reading.Endpoint?.RouteTemplate}");
            Assert.Contains(reason, reading.NotRouted);
        }

        [Theory]
        [InlineData("app.MapGet(\"/x\", [Timeout(\"1s\")] () => 1)", 0)]
        [InlineData("app.MapGet(\"/x\", [Timeout(\"1s\")] () => 1).WithOrder(-3)", -3)]
        [InlineData("app.MapGet(\"/x\", [Timeout(\"1s\")] () => 1).WithOrder(1).WithTags(\"t\").WithOrder(2)", 2)]
        [InlineData("app.MapGroup(\"/g\").WithOrder(5).MapGet(\"/x\", [Timeout(\"1s\")] () => 1)", 5)]
        [InlineData("app.MapGroup(\"/g\").WithOrder(5).MapGroup(\"/h\").WithOrder(6).MapGet(\"/x\", [Timeout(\"1s\")] () => 1)", 6)]
        [InlineData("app.MapGroup(\"/g\").WithOrder(5).MapGet(\"/x\", [Timeout(\"1s\")] () => 1).WithOrder(7)", 7)]
        public void Reads_the_route_order_a_handler_or_its_group_sets(string map, int order)
        {
            HandlerReading reading = ReadOnlyHandler($$"""
                public static class Endpoints
                {
                    public static void Map(WebApplication app) => {{map}};
                }
                """);

            Assert.Equal(order, reading.Endpoint!.Order);
        }

        [Fact]
        public void Reads_the_route_order_of_an_action_or_else_its_controller()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\nusing Microsoft.AspNetCore.Mvc;\n" + """
                [Route("api/orders", Order = 4)]
                public class OrdersController : ControllerBase
                {
                    [HttpGet("{id}", Order = -1)]
                    public string Get(int id) => "";

                    [HttpGet("summary")]
                    public string Summary() => "";

                    [HttpGet("/health", Name = "health")]
                    public string Health() => "";
                }
                """);
            var type = compilation.GetTypeByMetadataName("OrdersController")!;
            var declaration = type.DeclaringSyntaxReferences[0].GetSyntax();

            var endpoints = EndpointReader.ReadController(type, declaration, AspNetSymbols.For(compilation));

            Assert.Equal(
                new[] { ("/api/orders/{id}", -1), ("/api/orders/summary", 4), ("/health", 0) },
                endpoints.Select(e => (e.RouteTemplate, e.Order)));
        }

        [Fact]
        public void The_local_constant_is_the_attribute_argument_too()
        {
            HandlerReading reading = ReadOnlyHandler("""
                public static class Endpoints
                {
                    private const string Slow = "1s";

                    public static void Map(WebApplication app)
                    {
                        const string Slow = "45s";
                        app.MapGet("/slow", [Timeout(Slow)] [Idempotent] () => Results.Ok());
                    }
                }
                """);

            Assert.Equal(new TimeoutSpec("45s"), reading.Endpoint!.Timeout);
            Assert.True(reading.Endpoint.Idempotent);
        }

        [Fact]
        public void A_MapGet_that_is_not_AspNetCores_is_no_handler()
        {
            HandlerReading reading = ReadOnlyHandler("""
                public sealed class Scheduler
                {
                    public void MapGet(string name, Delegate job) { }
                }

                public static class Jobs
                {
                    public static void Map() => new Scheduler().MapGet("/nightly", [Timeout("1s")] () => 1);
                }
                """);

            Assert.Null(reading.Endpoint);
            Assert.Null(reading.NotRouted);
        }

        [Fact]
        public void A_RouteAttribute_that_is_not_AspNetCores_routes_nothing()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\n" + """
                namespace Mine
                {
                    public sealed class RouteAttribute : Attribute
                    {
                        public RouteAttribute(string template) { }
                    }

                    [Route("api/orders")]
                    public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
                    {
                        [Timeout("1s")]
                        public string List() => "";
                    }
                }
                """);
            IMethodSymbol list = compilation.GetTypeByMetadataName("Mine.OrdersController")!.GetMembers("List").OfType<IMethodSymbol>().Single();

            Assert.Empty(EndpointReader.ReadAction(list, AspNetSymbols.For(compilation)));
        }

        [Theory]
        [InlineData("public class OrdersController { [HttpGet(\"/o\")] public string Get() => \"\"; }", true)]
        [InlineData("public class Orderscontroller { [HttpGet(\"/o\")] public string Get() => \"\"; }", true)]
        [InlineData("public class Orders : ControllerBase { [HttpGet(\"/o\")] public string Get() => \"\"; }", true)]
        [InlineData("[Controller] public class Orders { [HttpGet(\"/o\")] public string Get() => \"\"; }", true)]
        [InlineData("public class Orders { [HttpGet(\"/o\")] public string Get() => \"\"; }", false)]
        [InlineData("[NonController] public class OrdersController : ControllerBase { [HttpGet(\"/o\")] public string Get() => \"\"; }", false)]
        [InlineData("public abstract class OrdersController : ControllerBase { [HttpGet(\"/o\")] public string Get() => \"\"; }", false)]
        [InlineData("internal class OrdersController : ControllerBase { [HttpGet(\"/o\")] public string Get() => \"\"; }", false)]
        [InlineData("public class OrdersController<T> : ControllerBase { [HttpGet(\"/o\")] public string Get() => \"\"; }", false)]
        [InlineData("public class Outer { public class OrdersController : ControllerBase { [HttpGet(\"/o\")] public string Get() => \"\"; } }", false)]
        public void Reads_the_actions_of_the_classes_mvc_takes_for_controllers(string source, bool isController)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\nusing Microsoft.AspNetCore.Mvc;\n" + source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            var declaration = tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Last();
            var type = (INamedTypeSymbol)compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration)!;

            var endpoints = EndpointReader.ReadController(type, declaration, AspNetSymbols.For(compilation));

            Assert.True(EndpointReader.IsControllerCandidate(declaration) || !isController);
            Assert.Equal(isController ? new[] { "/o" } : System.Array.Empty<string>(), endpoints.Select(e => e.RouteTemplate));
        }

        [Fact]
        public void A_method_group_handler_is_read_with_the_attributes_of_its_method()
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\n" + """
                public static class Reports
                {
                    public static void Map(WebApplication app)
                    {
                        var reports = app.MapGroup("/reports");
                        reports.MapGet("/{id}", Get);
                        reports.MapPost("/", Create);
                    }

                    [Timeout("20s")]
                    private static IResult Get(string id) => Results.Ok();

                    private static IResult Create() => Results.Ok();
                }
                """);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(EndpointReader.IsMapCandidate).ToList();

            var endpoints = calls.Select(c => EndpointReader.ReadMap((IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(c)!, AspNetSymbols.For(compilation)).Endpoint).ToList();

            Assert.Collection(
                endpoints,
                get => Assert.Equal(("/reports/{id}", "GET", "20s"), (get!.RouteTemplate, get.Methods[0], get.Timeout?.Timeout)),
                create => Assert.Equal(("/reports", "POST", (string?)null), (create!.RouteTemplate, create.Methods[0], create.Timeout?.Timeout)));
        }

        [Fact]
        public void Every_well_known_type_is_found_in_the_assembly_it_is_looked_up_in()
        {
            AspNetSymbols symbols = AspNetSymbols.For(GeneratorHarness.CreateCompilation("class C { }"));

            Assert.Equal(16, symbols.MapMethods.Count); // MapGet … MapPatch and MapMethods with RequestDelegate or Delegate, Map with a string or RoutePattern each
            Assert.Equal(2, symbols.MapGroups.Count);
            Assert.Single(symbols.WithOrderMethods);
            Assert.Equal(7, symbols.HttpVerbAttributes.Count);
            Assert.All(
                new[]
                {
                    symbols.RouteGroupBuilder, symbols.HttpMethods, symbols.HttpMethodAttribute, symbols.RouteAttribute, symbols.AcceptVerbsAttribute,
                    symbols.NonActionAttribute, symbols.ActionNameAttribute, symbols.AreaAttribute, symbols.ControllerAttribute,
                    symbols.NonControllerAttribute,
                },
                type => Assert.NotNull(type));
        }

        public static IEnumerable<object[]> SampleServices() =>
            new[] { "CheckoutService", "InventoryService", "PaymentService", "ShippingService" }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(SampleServices))]
        public void Routes_every_attributed_handler_of_the_case_study_services(string service)
        {
            // The sample's own sources, as its Web SDK project compiles them: implicit usings and the shared file included.
            string samples = typeof(EndpointReaderTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplesDirectory").Value!;
            string folder = Path.Combine(samples, service);
            var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", System.StringComparison.Ordinal))
                .Append(Path.Combine(samples, "Shared", "IdempotencyStore.cs"))
                .Select(File.ReadAllText)
                .Append(WebSdkImplicitUsings)
                .ToArray();
            // Parsed as Preview: the tests' Roslyn (4.11) still calls C# 13's System.Threading.Lock, which the sample uses, a preview feature.
            var preview = new CSharpParseOptions(LanguageVersion.Preview);
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(sources).RemoveAllSyntaxTrees()
                .AddSyntaxTrees(sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, preview, $"Source{i}.cs")));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var handlers = compilation.SyntaxTrees.SelectMany(tree => Handlers(compilation, tree)).ToList();

            Assert.NotEmpty(handlers);
            Assert.All(handlers, h => Assert.True(h.Endpoint is not null, $"{service}: a handler was left out ({h.NotRouted})"));
        }

        private static HandlerReading ReadOnlyHandler(string source)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\n" + source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return Assert.Single(Handlers(compilation, compilation.SyntaxTrees.Single()));
        }

        // The readings of the calls passing a lambda with attributes in tree, each from a new semantic model, as the generator gets them.
        private static IEnumerable<HandlerReading> Handlers(CSharpCompilation compilation, SyntaxTree tree) =>
            tree.GetRoot().DescendantNodes().OfType<LambdaExpressionSyntax>()
                .Where(l => l.AttributeLists.Count > 0)
                .Select(l => EndpointReader.ReadMap(
                    (IInvocationOperation)compilation.GetSemanticModel(tree).GetOperation(l.Parent!.Parent!.Parent!)!,
                    AspNetSymbols.For(compilation)));

        // What Microsoft.NET.Sdk.Web adds as global usings when ImplicitUsings is on.
        private const string WebSdkImplicitUsings = """
            global using Microsoft.AspNetCore.Builder;
            global using Microsoft.AspNetCore.Hosting;
            global using Microsoft.AspNetCore.Http;
            global using Microsoft.AspNetCore.Routing;
            global using Microsoft.Extensions.Configuration;
            global using Microsoft.Extensions.DependencyInjection;
            global using Microsoft.Extensions.Hosting;
            global using Microsoft.Extensions.Logging;
            global using System;
            global using System.Collections.Generic;
            global using System.IO;
            global using System.Linq;
            global using System.Net.Http;
            global using System.Net.Http.Json;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;
    }
}
