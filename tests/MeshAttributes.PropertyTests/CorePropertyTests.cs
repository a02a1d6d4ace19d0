using System.Linq;
using MeshAttributes.Core.Resources;
using MeshAttributes.PropertyTests.Inputs;
using MeshAttributes.PropertyTests.Oracle;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.PropertyTests
{
    /// <summary>
    /// The bulk of the cases: random services through the rules and renderers (Core, no compiler), each output parsed back
    /// and held to the oracle, and validated against the Istio, PrometheusRule and Grafana schemas and CEL rules.
    /// </summary>
    public class CorePropertyTests
    {
        /// <summary>Cases per run. With <see cref="EndToEndPropertyTests.Cases"/> and the injection properties, over 10,000 per CI run.</summary>
        public const int Cases = 10_000;

        /// <summary>One case in this many is also validated against the schemas and CEL rules, the slow part (about 13 ms a case).</summary>
        public const int SchemaEvery = 5;

        private readonly ITestOutputHelper _output;

        public CorePropertyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Every_random_service_renders_its_intended_manifests_or_refuses_exactly_the_files_its_bad_values_touch()
        {
            _output.WriteLine(ManifestChecks.SchemasAvailable ? $"schemas: validating the manifests of one case in {SchemaEvery}" : "schemas: not found, parse-back only");
            int count = 0;
            PropertyRuns.Sample(_output, "core", ServiceCases.Service, Cases, service =>
            {
                bool validate = System.Threading.Interlocked.Increment(ref count) % SchemaEvery == 0;
                RenderedService rendered = ServiceRenderer.Render(CoreModel.From(service));
                ManifestChecks.Check(
                    new Expectation(service),
                    rendered.Files.ToDictionary(f => f.Path, f => f.Content),
                    rendered.Errors.Select(e => (e.Path, e.Id, e.Message)),
                    validateSchemas: validate);
            });
        }
    }
}
