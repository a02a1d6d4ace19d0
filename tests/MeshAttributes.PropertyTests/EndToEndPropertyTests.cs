using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using MeshAttributes.PropertyTests.Inputs;
using MeshAttributes.PropertyTests.Oracle;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.PropertyTests
{
    /// <summary>
    /// Random services written as C# (assembly attributes, controllers, minimal APIs with MapGroup), compiled through the
    /// generator and the analyzer: nothing crashes, the generated source compiles, the analyzer reports exactly the error
    /// rules the oracle expects and names each bad value, and the manifests carried by the compiled attributes hold to the
    /// same oracle as the Core properties. One service per compilation, as in a real project; its endpoints are batched.
    /// </summary>
    public class EndToEndPropertyTests
    {
        /// <summary>Compilations per run (each with up to six endpoints).</summary>
        public const int Cases = 400;

        private readonly ITestOutputHelper _output;

        public EndToEndPropertyTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Every_random_project_compiles_to_its_intended_manifests_and_the_analyzer_names_every_bad_value()
        {
            PropertyRuns.Sample(_output, "end-to-end", ServiceCases.Service.Select(UniqueRoutes), Cases, service =>
            {
                EndToEnd result = EndToEnd.Compile(CSharpSource.Write(service));
                result.AssertNothingCrashed();

                var expected = new Expectation(service);
                var reported = result.Analyzer.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                var want = expected.ErrorIds.OrderBy(x => x, StringComparer.Ordinal).ToArray();
                var got = reported.Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToArray();
                if (!want.SequenceEqual(got))
                {
                    throw new PropertyFailure($"analyzer errors: expected [{string.Join(", ", want)}], found [{string.Join(", ", got)}]: {string.Join(" | ", reported.Select(d => d.GetMessage()))}");
                }

                foreach (string bad in BadStrings(service))
                {
                    if (!reported.Any(d => d.GetMessage().Contains(bad, StringComparison.Ordinal)))
                    {
                        throw new PropertyFailure($"no error names the bad value \"{bad}\": {string.Join(" | ", reported.Select(d => d.GetMessage()))}");
                    }
                }

                ManifestChecks.Check(expected, result.Run.Manifests, result.Run.Errors, validateSchemas: false);
            });
        }

        // ASP.NET Core refuses two endpoints with the same methods and route at run time; keep the first.
        private static ServiceCase UniqueRoutes(ServiceCase service) => service with
        {
            Endpoints = service.Endpoints
                .GroupBy(e => string.Join(",", e.Methods) + " " + Expectation.Template(e), StringComparer.Ordinal)
                .Select(g => g.First())
                .ToArray(),
        };

        // The string values the oracle refuses: each must appear in some error's message. Durations and names only;
        // RetryOn errors name the bad token, not the whole list.
        private static IEnumerable<string> BadStrings(ServiceCase s)
        {
            var durations = new List<string?> { s.CircuitBreaker?.Interval, s.CircuitBreaker?.BaseEjectionTime, s.ConnectionPool?.ConnectTimeout, s.ConnectionPool?.IdleTimeout, s.Alerting?.LatencyP99, s.Retry?.PerTryTimeout, s.Timeout };
            durations.AddRange(s.Endpoints.SelectMany(e => new[] { e.Retry?.PerTryTimeout, e.Timeout }));
            var names = new List<string?> { s.Name, s.Namespace };
            names.AddRange(s.DependsOn.SelectMany(d => new[] { d.Service, d.Namespace }));
            names.AddRange(s.AllowCallers.SelectMany(c => new[] { c.Service, c.Namespace }));
            var accounts = s.AllowCallers.Select(c => c.ServiceAccount);
            return durations.Where(d => d is not null && !Expectation.IsDuration(d))
                .Concat(names.Where(n => n is not null && !Expectation.IsDnsLabel(n)))
                .Concat(accounts.Where(a => a is not null && !Expectation.IsDnsSubdomain(a)))
                .Select(v => v!)
                .Where(v => v.Length is > 0 and < 200 && v.All(c => !char.IsControl(c) && !char.IsSurrogate(c)));
        }
    }
}
