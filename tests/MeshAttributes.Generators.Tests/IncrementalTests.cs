using System.Linq;
using MeshAttributes.Core.Resources;
using MeshAttributes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class IncrementalTests
    {
        private const string Platform = """
            using MeshAttributes;

            [MeshService("inventory-service")]
            [CircuitBreaker(Consecutive5xxErrors = 2, Interval = "5s")]
            public sealed class Inventory { }

            [MeshService("shipping-service")]
            [CircuitBreaker(Consecutive5xxErrors = 5)]
            public sealed class Shipping { }
            """;

        [Fact]
        public void Changing_one_value_re_renders_exactly_that_service()
        {
            var compilation = GeneratorHarness.CreateCompilation(Platform);
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

            SyntaxTree tree = compilation.SyntaxTrees.Single();
            SyntaxTree edited = tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
                Platform.Replace("Consecutive5xxErrors = 2", "Consecutive5xxErrors = 3")));
            driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited));

            var rendered = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Rendered]
                .SelectMany(step => step.Outputs)
                .Select(o => (Service: ((RenderedService)o.Value).Service, o.Reason))
                .ToList();
            Assert.Contains(("inventory-service", IncrementalStepRunReason.Modified), rendered);
            Assert.Contains(("shipping-service", IncrementalStepRunReason.Cached), rendered);
            Assert.Single(rendered, r => r.Reason == IncrementalStepRunReason.Modified);
        }

        [Fact]
        public void Editing_a_method_body_regenerates_nothing()
        {
            const string before = """
                using MeshAttributes;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                [assembly: MeshService("api")]
                public static class Endpoints
                {
                    public static void Map(WebApplication app) =>
                        app.MapGet("/a", [Timeout("1s")] () => Results.Ok("one"));
                }
                """;
            var compilation = GeneratorHarness.CreateCompilation(before);
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            SyntaxTree tree = compilation.SyntaxTrees.Single();
            var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(before.Replace("\"one\"", "\"two\""))));

            driver = driver.RunGeneratorsAndUpdateCompilation(edited, out Compilation output, out _);

            GeneratorHarness.AssertAllCached(new GeneratorRun(driver, output));
        }

        [Fact]
        public void An_action_with_Retry_and_Timeout_is_one_route_and_keeps_its_Timeout_when_Retry_goes()
        {
            // The [Timeout] pipeline leaves a declaration that also carries [Retry] to the [Retry] pipeline; taking [Retry]
            // away must hand it back.
            const string before = """
                using MeshAttributes;
                using Microsoft.AspNetCore.Mvc;
                [assembly: MeshService("orders")]
                [ApiController]
                [Route("api/orders")]
                public class OrdersController : ControllerBase
                {
                    [HttpGet("{id}")]
                    [Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure")]
                    [Timeout("3s")]
                    public IActionResult Get(int id) => Ok(id);
                }
                """;
            var compilation = GeneratorHarness.CreateCompilation(before);
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
            string virtualService = Manifest(driver, "orders/virtualservice.yaml");
            Assert.Equal(1, virtualService.Split("- name: get-api-orders-id").Length - 1);
            Assert.Contains("attempts: 2", virtualService);
            Assert.Contains("timeout: 3s", virtualService);

            SyntaxTree tree = compilation.SyntaxTrees.Single();
            string after = before.Replace("[Retry(Attempts = 2, PerTryTimeout = \"1s\", RetryOn = \"connect-failure\")]", string.Empty);
            driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(after))));
            virtualService = Manifest(driver, "orders/virtualservice.yaml");
            Assert.Equal(1, virtualService.Split("- name: get-api-orders-id").Length - 1);
            Assert.DoesNotContain("attempts: 2", virtualService);
            Assert.Contains("timeout: 3s", virtualService);
        }

        private static string Manifest(GeneratorDriver driver, string path) =>
            driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.Rendered]
                .SelectMany(step => step.Outputs)
                .SelectMany(o => ((RenderedService)o.Value).Files)
                .Single(f => f.Path == path).Content;
    }
}
