using System.Linq;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.Guard;
using MeshAttributes.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    /// <summary>
    /// An exception inside the generator becomes error MESH900 and a refusal of the service's files, never warning
    /// CS8785 with every manifest silently dropped. The failure is injected through <see cref="GeneratorGuard.ThrowInStep"/>,
    /// which holds for the test's own thread only.
    /// </summary>
    public class GeneratorFailureTests
    {
        private const string Service = """
            using MeshAttributes;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            [assembly: MeshService("orders-service")]
            [assembly: Timeout("10s")]
            public static class Endpoints
            {
                public static void Map(WebApplication app) =>
                    app.MapGet("/orders/{id}", [Timeout("2s")] (int id) => Results.Ok(id));
            }
            """;

        private static readonly string[] EveryFile = ServiceRenderer.Builders.Select(b => "orders-service/" + b.FileName)
            .Append("orders-service/" + KustomizationBuilder.FileName)
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .ToArray();

        public static TheoryData<string> ServiceSteps() => new()
        {
            GeneratorGuard.ReadingService,
            GeneratorGuard.ReadingEndpoints,
            GeneratorGuard.BuildingModel,
            GeneratorGuard.Rendering,
            GeneratorGuard.Writing,
        };

        [Theory]
        [MemberData(nameof(ServiceSteps))]
        public void An_exception_in_any_step_is_MESH900_and_refuses_every_file_of_the_service(string step)
        {
            GeneratorRun run = RunThrowing(step, Service);

            Assert.Null(run.Result.Exception);
            Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id == "CS8785");
            Diagnostic mesh900 = Assert.Single(run.Result.Diagnostics);
            Assert.Equal(RuleIds.GeneratorFailure, mesh900.Id);
            Assert.Equal(DiagnosticSeverity.Error, mesh900.Severity);
            string message = mesh900.GetMessage();
            Assert.Contains(step, message);
            Assert.Contains("System.InvalidOperationException: Failure injected by a test into '" + step + "'", message);
            Assert.Contains("https://github.com/meshattributes/meshattributes/issues", message);

            if (step == GeneratorGuard.ReadingService)
            {
                // The service's name is the thing that could not be read: the error alone fails the compilation.
                Assert.Contains("for this project", message);
                Assert.Empty(run.Manifests);
                Assert.Empty(run.Errors);
                return;
            }

            Assert.Contains("service 'orders-service'", message);
            Assert.Empty(run.Manifests);
            Assert.Equal(EveryFile, run.Errors.Select(e => e.Path).OrderBy(p => p, System.StringComparer.Ordinal).ToArray());
            Assert.All(run.Errors, e => Assert.Equal((RuleIds.GeneratorFailure, message), (e.Id, e.Message)));
        }

        [Fact]
        public void A_failure_reading_source_fails_every_service_of_the_project()
        {
            const string platform = """
                using MeshAttributes;
                [assembly: MeshService("gateway")]
                [assembly: Timeout("5s")]
                [MeshService("inventory-service")] public sealed class Inventory { }
                [MeshService("shipping-service")] public sealed class Shipping { }
                public sealed class ItemsController : Microsoft.AspNetCore.Mvc.ControllerBase
                {
                    [Microsoft.AspNetCore.Mvc.HttpGet("/items"), Timeout("1s")] public void Get() { }
                }
                """;

            GeneratorRun run = RunThrowing(GeneratorGuard.ReadingEndpoints, platform);

            Assert.Equal(3, run.Result.Diagnostics.Count(d => d.Id == RuleIds.GeneratorFailure));
            Assert.Empty(run.Manifests);
            Assert.Equal(new[] { "gateway", "inventory-service", "shipping-service" }, run.Errors.Select(e => e.Path.Split('/')[0]).Distinct().OrderBy(s => s).ToArray());
        }

        public static TheoryData<string> PlatformSteps() => new()
        {
            GeneratorGuard.ReadingPlatform,
            GeneratorGuard.RenderingPlatform,
            GeneratorGuard.WritingPlatform,
        };

        [Theory]
        [MemberData(nameof(PlatformSteps))]
        public void An_exception_in_any_step_of_the_platform_is_MESH900_and_refuses_the_platform_files_alone(string step)
        {
            const string source = """
                using MeshAttributes;
                [assembly: MeshPlatform]
                [assembly: InjectNamespace("staging")]
                [assembly: MeshService("orders-service")]
                """;

            GeneratorRun run = RunThrowing(step, source);

            Assert.Null(run.Result.Exception);
            Diagnostic mesh900 = Assert.Single(run.Result.Diagnostics);
            Assert.Equal(RuleIds.GeneratorFailure, mesh900.Id);
            string message = mesh900.GetMessage();
            Assert.Contains(step, message);
            Assert.Contains("the platform ([assembly: MeshPlatform])", message);
            Assert.DoesNotContain(run.Manifests.Keys, p => p.StartsWith("platform/", System.StringComparison.Ordinal));
            var refused = run.Errors.Select(e => e.Path).OrderBy(p => p, System.StringComparer.Ordinal).ToArray();
            Assert.Contains("platform/istio-operator.yaml", refused);
            Assert.Contains("platform/kustomization.yaml", refused);
            if (step != GeneratorGuard.ReadingPlatform)
            {
                // Once the spec was read, the namespaces it injects are known and refused too.
                Assert.Contains("platform/namespace-staging.yaml", refused);
            }

            Assert.All(refused, p => Assert.StartsWith("platform/", p));
            Assert.All(run.Errors, e => Assert.Equal((RuleIds.GeneratorFailure, message), (e.Id, e.Message)));
            // The services of the project are not the platform's failure.
            Assert.Contains("orders-service/destinationrule.yaml", run.Manifests.Keys);
        }

        [Fact]
        public void An_exception_reading_in_app_retries_is_MESH900_and_refuses_the_service()
        {
            const string source = """
                using MeshAttributes;
                [assembly: MeshService("orders-service")]
                public static class Clients
                {
                    public static object AddStandardResilienceHandler(this object client) => client;
                    public static void Add(object client) => client.AddStandardResilienceHandler();
                }
                """;

            GeneratorRun run = RunThrowing(GeneratorGuard.ReadingInAppRetries, source);

            Diagnostic mesh900 = Assert.Single(run.Result.Diagnostics);
            Assert.Equal(RuleIds.GeneratorFailure, mesh900.Id);
            Assert.Contains(GeneratorGuard.ReadingInAppRetries, mesh900.GetMessage());
            Assert.Empty(run.Manifests);
            Assert.Equal(EveryFile, run.Errors.Select(e => e.Path).OrderBy(p => p, System.StringComparer.Ordinal).ToArray());
        }

        [Fact]
        public void Without_a_failure_the_generator_reports_nothing()
        {
            GeneratorRun run = GeneratorHarness.Run(Service);

            Assert.Empty(run.Result.Diagnostics);
            Assert.Empty(run.Errors);
            Assert.Contains("orders-service/virtualservice.yaml", run.Manifests.Keys);
        }

        [Fact]
        public void MESH900_cannot_be_lowered_in_editorconfig()
        {
            Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, Analyzers.Descriptors.GeneratorFailure.CustomTags);
        }

        private static GeneratorRun RunThrowing(string step, string source)
        {
            GeneratorGuard.ThrowInStep = step;
            try
            {
                var compilation = GeneratorHarness.CreateCompilation(source);
                Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
                GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
                return new GeneratorRun(driver, output);
            }
            finally
            {
                GeneratorGuard.ThrowInStep = null;
            }
        }
    }
}
