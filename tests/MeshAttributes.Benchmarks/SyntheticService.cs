using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// An ASP.NET Core service with a given number of endpoints, every one (or one pair in <c>policyEvery</c>) carrying its
    /// own <c>[Retry]</c>, <c>[Timeout]</c> or both, so the VirtualService gets one route per such endpoint; the others
    /// carry nothing, as most endpoints of a real service do. Even endpoints are minimal-API lambdas in
    /// <c>MapGroup</c> groups (half of them in a nested group), odd ones controller actions under a controller
    /// <c>[Route]</c>; ten per file, as a real service spreads them. The service-level policy sits in assembly attributes.
    /// The policy is consistent (no rule fires), as in a service that builds clean. Also the edits the benchmarks make,
    /// each on the file holding endpoint 0 (a lambda with <c>[Timeout("3s")]</c>).
    /// </summary>
    internal sealed class SyntheticService
    {
        public const string Name = "bench-service";
        private const int EndpointsPerFile = 10;
        private const string EditedHandlerBody = "Results.Ok(id)";
        private const string EditedTimeout = "[Timeout(\"3s\")]";

        public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private static readonly CSharpCompilationOptions CompilationOptions =
            new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        private SyntheticService(int endpoints, ImmutableArray<SyntaxTree> trees, SyntaxTree firstHandlerFile)
        {
            Endpoints = endpoints;
            Trees = trees;
            FirstHandlerFile = firstHandlerFile;
        }

        public int Endpoints { get; }

        /// <summary>The parsed sources; parsing is the compiler's work, not the generator's, so it happens once.</summary>
        public ImmutableArray<SyntaxTree> Trees { get; }

        /// <summary>The file holding endpoint 0, which the method-body and one-value edits change.</summary>
        public SyntaxTree FirstHandlerFile { get; }

        public static SyntheticService Create(int endpoints, int policyEvery = 1)
        {
            if (endpoints < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(endpoints), endpoints, "A service needs at least one endpoint.");
            }

            if (policyEvery < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(policyEvery), policyEvery, "One endpoint pair in policyEvery carries a policy: 1 or more.");
            }

            var sources = new List<(string Path, string Text)> { ("ServiceAttributes.cs", ServiceAttributes()), ("Models.cs", Models()) };
            int lambdas = (endpoints + 1) / 2, actions = endpoints / 2;
            int lambdaFiles = (lambdas + EndpointsPerFile - 1) / EndpointsPerFile;
            int actionFiles = (actions + EndpointsPerFile - 1) / EndpointsPerFile;
            for (int f = 0; f < lambdaFiles; f++)
            {
                sources.Add(($"Endpoints/CatalogEndpoints{f}.cs", LambdaFile(f, endpoints, policyEvery)));
            }

            for (int f = 0; f < actionFiles; f++)
            {
                sources.Add(($"Controllers/Orders{f}Controller.cs", ControllerFile(f, endpoints, policyEvery)));
            }

            sources.Add(("Startup.cs", Startup(lambdaFiles)));
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path, Encoding.UTF8)).ToImmutableArray();
            return new SyntheticService(endpoints, trees, trees.Single(t => t.FilePath == "Endpoints/CatalogEndpoints0.cs"));
        }

        /// <summary>A new compilation of the service, as the compiler or the IDE makes one; lazy, so it costs next to nothing.</summary>
        public CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree>? extraTrees = null) =>
            CSharpCompilation.Create(
                "BenchService",
                extraTrees is null ? Trees : Trees.Concat(extraTrees),
                BenchmarkReferences.All,
                CompilationOptions);

        /// <summary>A file no attribute cares about, as when a developer adds a class.</summary>
        public static SyntaxTree UnrelatedFile() =>
            CSharpSyntaxTree.ParseText(
                "namespace Bench.Unrelated\n{\n    internal static class Edit\n    {\n        public const int Value = 42;\n    }\n}\n",
                ParseOptions,
                "Unrelated/Edit.cs",
                Encoding.UTF8);

        /// <summary>Endpoint 0's handler body changed (<c>Results.Ok(id)</c> → <c>Results.Ok(id + 1)</c>), reparsed incrementally as the IDE does.</summary>
        public SyntaxTree HandlerBodyEdit() => Edit(EditedHandlerBody, "Results.Ok(id + 1)");

        /// <summary>Endpoint 0's <c>[Timeout("3s")]</c> changed to <c>"4s"</c>: one value, one service to re-render.</summary>
        public SyntaxTree TimeoutValueEdit() => Edit(EditedTimeout, "[Timeout(\"4s\")]");

        private SyntaxTree Edit(string find, string replacement)
        {
            SourceText text = FirstHandlerFile.GetText();
            int at = text.ToString().IndexOf(find, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"'{find}' is not in {FirstHandlerFile.FilePath}: the synthetic service changed shape.");
            }

            return FirstHandlerFile.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, find.Length), replacement)));
        }

        private static string ServiceAttributes() => """
            using MeshAttributes;

            [assembly: MeshService("bench-service", Namespace = "shop", Port = 8080)]
            [assembly: CircuitBreaker(Consecutive5xxErrors = 5, ConsecutiveGatewayErrors = 3, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50, MinHealthPercent = 30)]
            [assembly: ConnectionPool(MaxConnections = 100, ConnectTimeout = "5s", Http1MaxPendingRequests = 50, Http2MaxRequests = 100, MaxRequestsPerConnection = 10, MaxRetries = 3)]
            [assembly: LoadBalancer(LoadBalancerPolicy.LeastRequest)]
            [assembly: RetryBudget(Percent = 20, MinRetryConcurrency = 5)]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "500ms", RetryOn = "connect-failure,refused-stream")]
            [assembly: Timeout("10s")]
            [assembly: DependsOn("inventory-service")]
            [assembly: DependsOn("payment-service")]
            [assembly: AllowCaller("frontend")]
            [assembly: Alerting(ErrorRateWarning = 0.05, ErrorRateCritical = 0.20, LatencyP99 = "2s")]
            """;

        private static string Models() => """
            namespace Bench.Models;

            public sealed record Item(int Id, string Name, decimal Price);
            """;

        private static string Startup(int lambdaFiles)
        {
            var sb = new StringBuilder();
            sb.Append("using Microsoft.AspNetCore.Builder;\n\nnamespace Bench;\n\npublic static class Startup\n{\n");
            sb.Append("    public static void Configure(WebApplication app)\n    {\n        app.MapControllers();\n");
            for (int f = 0; f < lambdaFiles; f++)
            {
                sb.Append("        Bench.Endpoints.CatalogEndpoints").Append(f.ToString(CultureInfo.InvariantCulture)).Append(".Map(app);\n");
            }

            sb.Append("    }\n}\n");
            return sb.ToString();
        }

        // Endpoint i's verb and route shape: GET {id}, GET list, POST, PUT {id:int}, DELETE {id}.
        private static int Shape(int i) => (i / 2) % 5;

        // Endpoint i's policy: a timeout, a retry safe for any verb, or both (with 5xx retries, so a POST is marked [Idempotent]).
        // Endpoints 2k and 2k + 1 (a lambda and an action) carry one when k is a multiple of policyEvery: endpoint 0 always does.
        private static string Policy(int i, bool isPost, int policyEvery) => (i / 2) % policyEvery != 0 ? string.Empty : (i % 3) switch
        {
            0 => EditedTimeout,
            1 => "[Retry(Attempts = 3, PerTryTimeout = \"1s\", RetryOn = \"connect-failure,refused-stream\")]",
            _ => "[Retry(Attempts = 2, PerTryTimeout = \"500ms\", RetryOn = \"5xx,connect-failure\")] [Timeout(\"3s\")]" + (isPost ? " [Idempotent]" : string.Empty),
        };

        private static string LambdaFile(int file, int endpoints, int policyEvery)
        {
            var sb = new StringBuilder();
            sb.Append("using Bench.Models;\nusing MeshAttributes;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Routing;\n\n");
            sb.Append("namespace Bench.Endpoints;\n\npublic static class CatalogEndpoints").Append(file.ToString(CultureInfo.InvariantCulture)).Append("\n{\n");
            sb.Append("    public static void Map(IEndpointRouteBuilder app)\n    {\n");
            sb.Append("        var group = app.MapGroup(\"/api/catalog").Append(file.ToString(CultureInfo.InvariantCulture)).Append("\").WithTags(\"catalog\");\n");
            sb.Append("        var v2 = group.MapGroup(\"/v2\");\n");
            for (int k = 0; k < EndpointsPerFile; k++)
            {
                int i = 2 * ((file * EndpointsPerFile) + k);
                if (i >= endpoints)
                {
                    break;
                }

                string n = (i / 2).ToString(CultureInfo.InvariantCulture);
                string receiver = k % 2 == 0 ? "group" : "v2";
                int shape = Shape(i);
                string policy = Policy(i, shape == 2, policyEvery);
                string call = shape switch
                {
                    0 => $"MapGet(\"/items{n}/{{id}}\", {policy} (int id) => {EditedHandlerBody})",
                    1 => $"MapGet(\"/items{n}\", {policy} () => Results.Ok())",
                    2 => $"MapPost(\"/items{n}\", {policy} (Item item) => Results.Created($\"/items{n}/{{item.Id}}\", item))",
                    3 => $"MapPut(\"/items{n}/{{id:int}}\", {policy} (int id, Item item) => Results.NoContent())",
                    _ => $"MapDelete(\"/items{n}/{{id}}\", {policy} (int id) => Results.NoContent())",
                };
                sb.Append("        ").Append(receiver).Append('.').Append(call).Append(";\n");
            }

            sb.Append("    }\n}\n");
            return sb.ToString();
        }

        private static string ControllerFile(int file, int endpoints, int policyEvery)
        {
            string f = file.ToString(CultureInfo.InvariantCulture);
            var sb = new StringBuilder();
            sb.Append("using Bench.Models;\nusing MeshAttributes;\nusing Microsoft.AspNetCore.Mvc;\n\nnamespace Bench.Controllers;\n\n");
            sb.Append("[ApiController]\n[Route(\"api/orders").Append(f).Append("\")]\npublic sealed class Orders").Append(f).Append("Controller : ControllerBase\n{\n");
            for (int k = 0; k < EndpointsPerFile; k++)
            {
                int i = (2 * ((file * EndpointsPerFile) + k)) + 1;
                if (i >= endpoints)
                {
                    break;
                }

                string n = (i / 2).ToString(CultureInfo.InvariantCulture);
                int shape = Shape(i);
                string policy = Policy(i, shape == 2, policyEvery);
                string action = shape switch
                {
                    0 => $"[HttpGet(\"items{n}/{{id}}\")]\n    {policy}\n    public IActionResult Get{n}(int id)\n    {{\n        return Ok(id);\n    }}",
                    1 => $"[HttpGet(\"items{n}\")]\n    {policy}\n    public IActionResult List{n}()\n    {{\n        return Ok();\n    }}",
                    2 => $"[HttpPost(\"items{n}\")]\n    {policy}\n    public IActionResult Create{n}(Item item)\n    {{\n        return Created($\"/items{n}/{{item.Id}}\", item);\n    }}",
                    3 => $"[HttpPut(\"items{n}/{{id:int}}\")]\n    {policy}\n    public IActionResult Update{n}(int id, Item item)\n    {{\n        return NoContent();\n    }}",
                    _ => $"[HttpDelete(\"items{n}/{{id}}\")]\n    {policy}\n    public IActionResult Delete{n}(int id)\n    {{\n        return NoContent();\n    }}",
                };
                sb.Append("    ").Append(action).Append("\n\n");
            }

            sb.Append("}\n");
            return sb.ToString();
        }
    }
}
