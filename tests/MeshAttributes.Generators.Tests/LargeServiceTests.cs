using System.Globalization;
using System.Linq;
using System.Text;
using MeshAttributes.Core.Resources;
using MeshAttributes.Generators.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class LargeServiceTests
    {
        // Roslyn keeps a text of this many characters or more in chunks (LargeText) rather than one string.
        private const int LargeTextThreshold = 40 * 1024;

        [Fact]
        public void A_service_whose_generated_source_is_large_compiles_to_exactly_the_rendered_files()
        {
            var controller = new StringBuilder("""
                using MeshAttributes;
                using Microsoft.AspNetCore.Mvc;

                [ApiController]
                [Route("api/items")]
                public class ItemsController : ControllerBase
                {

                """);
            for (int i = 0; i < 150; i++)
            {
                string n = i.ToString(CultureInfo.InvariantCulture);
                controller.Append("    [HttpGet(\"v").Append(n).Append("/{id:int}\")] [Timeout(\"2s\")] public IActionResult Get").Append(n).Append("(int id) => Ok();\n");
            }

            controller.Append("}\n");
            var run = GeneratorHarness.Run(new[]
            {
                """
                using MeshAttributes;
                [assembly: MeshService("catalog")]
                [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure")]
                [assembly: Alerting(ErrorRateWarning = 0.05, ErrorRateCritical = 0.2, LatencyP99 = "2s")]
                """,
                controller.ToString(),
            });

            Assert.Empty(run.CompilationErrors);
            var generated = Assert.Single(run.Result.GeneratedSources);
            Assert.True(generated.SourceText.Length >= LargeTextThreshold, $"the generated source has {generated.SourceText.Length} characters; the test needs one past Roslyn's large-text threshold");
            Assert.Equal(Encoding.UTF8, generated.SourceText.Encoding);

            // What the compiled attributes carry is what the renderer produced, quotes (doubled in the verbatim strings) and all.
            RenderedService rendered = run.Result.TrackedSteps[TrackingNames.Rendered].SelectMany(s => s.Outputs).Select(o => (RenderedService)o.Value).Single();
            Assert.Contains(rendered.Files, f => f.Content.Contains('"'));
            Assert.Equal(rendered.Files.Select(f => (f.Path, f.Content)).OrderBy(f => f.Path, System.StringComparer.Ordinal), run.Manifests.Select(m => (m.Key, m.Value)));
            Assert.Equal(150, run.Manifests["catalog/virtualservice.yaml"].Split("- name: get-api-items-v").Length - 1);
        }
    }
}
