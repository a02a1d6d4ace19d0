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
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// <see cref="HandlerReader"/> reads minimal-API handlers without binding the method that maps them, and hands the shapes
    /// it cannot decide to the semantic reader. Wherever it decides, it must say what the semantic reader says (endpoint and
    /// attribute sites); and the everyday shapes must be decided by it, or the speed it exists for is silently lost.
    /// </summary>
    public class HandlerReaderTests
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Routing;
            using MeshAttributes;
            """;

        public static IEnumerable<object[]> Cases() => new[]
        {
            new object[] { "top-level program", true, """
                var builder = WebApplication.CreateBuilder(args);
                var app = builder.Build();
                app.MapPost("/orders", [Retry(Attempts = 2, RetryOn = "reset")] [Idempotent] (HttpContext context) => Results.Ok());
                app.MapGet("/orders/{id:int}", [Timeout("2s")] (int id) => Results.Ok(id));
                app.MapDelete("/orders/{id}", (int id) => Results.NoContent());
                app.MapPatch("/orders/{id}/note", delegate (int id) { return Results.Ok(id); });
                app.Run();
                """ },
            new object[] { "groups through locals and fluent calls", true, """
                public static class Endpoints
                {
                    public static void Map(IEndpointRouteBuilder app)
                    {
                        var api = app.MapGroup("/api/{tenant}").WithTags("catalog").RequireAuthorization();
                        var v2 = api.MapGroup("v2/");
                        (v2).MapPut("/items/{id:int}", [Timeout("2s")] (int id) => Results.NoContent());
                        api.MapGroup("/inline").MapGet("/x", [Retry(Attempts = 1, PerTryTimeout = "500ms", RetryOn = "connect-failure")] () => Results.Ok());
                        IEndpointRouteBuilder held = app.MapGroup("/held");
                        held.MapDelete("/{id}", [Timeout("1s")] (int id) => Results.NoContent());
                        if (DateTime.Now.Year > 2000)
                        {
                            var nested = v2.MapGroup("/nested");
                            nested.MapGet("/{*path}", [Timeout("30s")] (string path) => Results.Ok(path));
                        }
                    }
                }
                """ },
            new object[] { "constant routes and values", true, """
                public static class Routes
                {
                    public const string Prefix = "/api";
                    public const string Slow = "30s";
                }

                public static class Endpoints
                {
                    private const string Reports = Routes.Prefix + "/reports";

                    public static void Map(WebApplication app)
                    {
                        app.MapGet(Reports, [Timeout(Routes.Slow)] () => Results.Ok());
                        app.MapGet(Routes.Prefix + "/export" + ("/" + "csv"), [Timeout(timeout: Routes.Slow)] () => Results.Ok());
                        app.MapGet(handler: [Timeout("1s")] () => Results.Ok(), pattern: "/named");
                    }
                }
                """ },
            new object[] { "methods and any method", true, """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapMethods("/m", new[] { "patch", HttpMethods.Post }, [Retry(Attempts = 1, RetryOn = "5xx")] () => Results.Ok());
                        app.MapMethods("/c", ["GET", "HEAD"], [Timeout("1s")] () => Results.Ok());
                        app.Map("/any", [Timeout("1s")] () => Results.Ok());
                    }
                }
                """ },
            new object[] { "aliases and foreign attributes", true, """
                using R = MeshAttributes.RetryAttribute;

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/a", [R(Attempts = 1, RetryOn = "reset")] [Microsoft.AspNetCore.Authorization.AllowAnonymous] () => Results.Ok());
                        app.MapGet("/b", [Microsoft.AspNetCore.Authorization.AllowAnonymous] () => Results.Ok());
                    }
                }
                """ },
            new object[] { "a local constant that hides a member of the same name", false, """
                public static class Endpoints
                {
                    private const string Slow = "1s";

                    public static void Map(WebApplication app)
                    {
                        const string Slow = "45s";
                        const string Route = "/slow";
                        app.MapGet(Route, [Timeout(Slow)] () => Results.Ok());
                    }
                }
                """ },
            new object[] { "a top-level program's group, with the types declared after it", true, """
                var app = WebApplication.Create(args);
                var orders = app.MapGroup("/orders").WithTags("orders");
                orders.MapPost("", [Idempotent] [Retry(Attempts = 2, RetryOn = Policies.Safe)] (Order order) => Results.Ok(order));
                app.Run();

                public sealed record Order(int Id);

                public static class Policies
                {
                    public const string Safe = "connect-failure,refused-stream";
                }
                """ },
            new object[] { "attribute arguments the compiler converts or looks up", true, """
                public static class Limits
                {
                    public const int Attempts = 3;
                }

                public static class Endpoints
                {
                    private const string Conditions = "reset";

                    public static void Map(WebApplication app)
                    {
                        app.MapPut("/a", [MeshAttributes.RetryAttribute(Attempts = Limits.Attempts, RetryOn = Conditions, PerTryTimeout = null)] () => Results.Ok());
                        app.MapPut("/b", [global::MeshAttributes.Retry(Attempts = -1)] [Timeout("1" + "s")] () => Results.Ok());
                    }
                }
                """ },
            new object[] { "a group from a parameter", false, """
                public static class Endpoints
                {
                    public static void Map(RouteGroupBuilder group) =>
                        group.MapGet("/unknowable", [Timeout("1s")] () => Results.Ok());
                }
                """ },
            new object[] { "a handler mapped inside a lambda", false, """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        Action<IEndpointRouteBuilder> configure = routes => routes.MapGet("/inner", [Timeout("1s")] () => Results.Ok());
                        configure(app);
                    }
                }
                """ },
            new object[] { "a group from a helper method", false, """
                public static class Endpoints
                {
                    private static RouteGroupBuilder Orders(IEndpointRouteBuilder app) => app.MapGroup("/orders");

                    public static void Map(WebApplication app)
                    {
                        var orders = Orders(app);
                        orders.MapGet("/{id}", [Timeout("1s")] (int id) => Results.Ok(id));
                    }
                }
                """ },
            new object[] { "a MapGet that is not ASP.NET Core's", false, """
                public sealed class Scheduler
                {
                    public void MapGet(string name, Delegate job) { }
                }

                public static class Jobs
                {
                    public static void Map() => new Scheduler().MapGet("/nightly", [Timeout("1s")] () => 1);
                }
                """ },
            new object[] { "a route only known at run time", false, """
                public static class Endpoints
                {
                    public static void Map(WebApplication app, string tenant) =>
                        app.MapGet("/" + tenant, [Timeout("1s")] () => Results.Ok());
                }
                """ },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Decides_what_the_semantic_reader_decides(string name, bool decidedWithoutBinding, string source)
        {
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\n" + source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            var handlers = tree.GetRoot().DescendantNodes().OfType<AnonymousFunctionExpressionSyntax>()
                .Where(h => h.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } } }
                    && EndpointReader.IsMapMethod(access.Name.Identifier.ValueText))
                .ToList();
            Assert.NotEmpty(handlers);

            foreach (AnonymousFunctionExpressionSyntax handler in handlers)
            {
                // A new model per handler: the fast reading must not profit from a body bound by an earlier question.
                HandlerReader.Reading fast = HandlerReader.Read(handler, compilation.GetSemanticModel(tree), default);
                SemanticModel model = compilation.GetSemanticModel(tree);
                var symbol = (IMethodSymbol)model.GetSymbolInfo(handler).Symbol!;
                EndpointSpec? expected = EndpointReader.ReadHandler(symbol, handler, model, default);

                Assert.True(fast.Decided == decidedWithoutBinding, $"{name}: {handler} was {(fast.Decided ? "decided" : "left undecided")}");
                if (fast.Decided)
                {
                    Assert.Equal(expected, fast.Endpoint);
                    Assert.Equal(Describe(AttributeSite.Of(symbol.GetAttributes())), Describe(fast.Attributes));
                }
            }
        }

        public static IEnumerable<object[]> SampleServices() =>
            new[] { "CheckoutService", "InventoryService", "PaymentService", "ShippingService" }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(SampleServices))]
        public void Reads_every_handler_of_the_case_study_services_without_binding(string service)
        {
            // The sample's own sources, as its Web SDK project compiles them: implicit usings and the shared file included.
            string samples = typeof(HandlerReaderTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplesDirectory").Value!;
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

            int read = 0;
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                foreach (LambdaExpressionSyntax handler in tree.GetRoot().DescendantNodes().OfType<LambdaExpressionSyntax>().Where(l => EndpointReader.IsHandlerCandidate(l)))
                {
                    HandlerReader.Reading fast = HandlerReader.Read(handler, compilation.GetSemanticModel(tree), default);
                    SemanticModel model = compilation.GetSemanticModel(tree);
                    var symbol = (IMethodSymbol)model.GetSymbolInfo(handler).Symbol!;

                    Assert.True(fast.Decided, $"{service}: {handler.Parent!.Parent!.Parent} was left to the semantic reader");
                    Assert.Equal(EndpointReader.ReadHandler(symbol, handler, model, default), fast.Endpoint);
                    Assert.Equal(Describe(AttributeSite.Of(symbol.GetAttributes())), Describe(fast.Attributes));
                    read++;
                }
            }

            Assert.True(read > 0, $"{service} maps no attributed handler: the test would check nothing.");
        }

        [Fact]
        public void Attribute_sites_point_at_the_source_not_at_the_bound_copy()
        {
            // Diagnostics are reported at these sites: they must be the user's syntax, not the copy bound on its own.
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Usings + "\n" + """
                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/orders", [Retry(Attempts = 2, RetryOn = "reset")] () => Results.Ok());
                    }
                }
                """);
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            SemanticModel model = compilation.GetSemanticModel(tree);
            var handler = tree.GetRoot().DescendantNodes().OfType<LambdaExpressionSyntax>().Single();

            HandlerReader.Reading reading = HandlerReader.Read(handler, model, default);

            Assert.True(reading.Decided);
            Assert.Equal("/orders", reading.Endpoint!.RouteTemplate);
            Assert.Equal(new RetrySpec(2, null, "reset"), reading.Endpoint.Retry);
            var siteSyntax = reading.Attributes.Single().Syntax(default)!;
            Assert.Same(tree, siteSyntax.SyntaxTree);
            Assert.Equal("Retry(Attempts = 2, RetryOn = \"reset\")", siteSyntax.ToString());
        }

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

        private static string[] Describe(IEnumerable<AttributeSite> sites) =>
            sites.Select(s => $"{s.MetadataName}@{s.Syntax(default)?.Span}({string.Join(",", s.ConstructorParameters)})").ToArray();
    }
}
