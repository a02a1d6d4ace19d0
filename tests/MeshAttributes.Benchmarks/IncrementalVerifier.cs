using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MeshAttributes.Generators;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// <c>--verify</c>: the benchmarks' claims about caching, asserted with tracked steps rather than timed. On each
    /// synthetic service: the generator understands every endpoint; an unrelated edit (a new file, a handler-body edit)
    /// leaves every tracked step Cached or Unchanged; a one-value edit re-renders the service once (the control that
    /// shows tracking sees changes at all). No timing is asserted anywhere.
    /// </summary>
    internal static class IncrementalVerifier
    {
        private const string VirtualServicePath = SyntheticService.Name + "/virtualservice.yaml";

        /// <summary>Every step name in <see cref="TrackingNames"/>, so a step added later is checked without editing this.</summary>
        private static readonly string[] TrackedSteps = typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        public static int Run(IReadOnlyList<int> sizes)
        {
            int passed = 0, failed = 0;
            foreach (int size in sizes)
            {
                var service = SyntheticService.Create(size);
                var checks = new (string Name, Action<SyntheticService> Check)[]
                {
                    ("every endpoint gets its own route, nothing is refused and the output compiles", EveryEndpointIsRouted),
                    ("a new unrelated file leaves every tracked step Cached/Unchanged", s => AssertNothingRecomputed(s, c => c.AddSyntaxTrees(SyntheticService.UnrelatedFile()))),
                    ("a handler-body edit leaves every tracked step Cached/Unchanged", s => AssertNothingRecomputed(s, c => c.ReplaceSyntaxTree(s.FirstHandlerFile, s.HandlerBodyEdit()))),
                    ("a one-value [Timeout] edit re-renders the one service", OneValueEditRendersOnce),
                };
                foreach (var (name, check) in checks)
                {
                    try
                    {
                        check(service);
                        passed++;
                        Console.WriteLine($"PASS {size,5} endpoints: {name}");
                    }
                    catch (VerificationFailedException e)
                    {
                        failed++;
                        Console.WriteLine($"FAIL {size,5} endpoints: {name}: {e.Message}");
                    }
                }
            }

            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }

        private static void EveryEndpointIsRouted(SyntheticService service)
        {
            Compilation compilation = service.CreateCompilation();
            GeneratorDriver driver = GeneratorDrivers.Create(trackSteps: true).RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Require(errors.Count == 0, "the service or its generated code does not compile: " + string.Join("; ", errors.Take(5)));
            // A step with no input records nothing: a 1-endpoint service has no [Retry]; from 3 endpoints on every policy is there.
            var missing = TrackedSteps.Where(step => !Result(driver).TrackedSteps.ContainsKey(step)).ToList();
            Require(service.Endpoints < 3 || missing.Count == 0, "tracked steps never ran, so caching could not be checked: " + string.Join(", ", missing));

            var refused = output.Assembly.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == typeof(MeshManifestErrorAttribute).FullName).ToList();
            Require(refused.Count == 0, "the generator refused manifests: " + string.Join("; ", refused.Select(a => a.ConstructorArguments[2].Value)));

            string yaml = Manifest(output, VirtualServicePath);
            // Every endpoint's route has one uri match, exact or regex.
            int routes = CountOccurrences(yaml, "          uri:\n");
            Require(routes == service.Endpoints, $"the VirtualService routes {routes} endpoints, not {service.Endpoints}");
        }

        private static void AssertNothingRecomputed(SyntheticService service, Func<Compilation, Compilation> edit)
        {
            Compilation compilation = service.CreateCompilation();
            GeneratorDriver driver = GeneratorDrivers.Create(trackSteps: true).RunGenerators(compilation);
            driver = driver.RunGenerators(edit(compilation));
            var recomputed = Outputs(driver)
                .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(o => $"{o.Step}: {o.Reason}")
                .Distinct()
                .ToList();
            Require(Outputs(driver).Any(), "no tracked step produced an output");
            Require(recomputed.Count == 0, "recomputed " + string.Join(", ", recomputed));
        }

        private static void OneValueEditRendersOnce(SyntheticService service)
        {
            Compilation compilation = service.CreateCompilation();
            GeneratorDriver driver = GeneratorDrivers.Create(trackSteps: true).RunGenerators(compilation);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation.ReplaceSyntaxTree(service.FirstHandlerFile, service.TimeoutValueEdit()), out Compilation output, out _);
            var rendered = Outputs(driver).Where(o => o.Step == TrackingNames.Rendered).ToList();
            Require(rendered.Count == 1 && rendered[0].Reason == IncrementalStepRunReason.Modified,
                "expected the one service Modified, got " + string.Join(", ", rendered.Select(o => o.Reason)));
            Require(Manifest(output, VirtualServicePath).Contains("timeout: 4s", StringComparison.Ordinal), "the edited timeout is not in the VirtualService");
        }

        private static GeneratorRunResult Result(GeneratorDriver driver) => driver.GetRunResult().Results.Single();

        private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver) =>
            TrackedSteps.SelectMany(name => Result(driver).TrackedSteps.TryGetValue(name, out var steps)
                ? steps.SelectMany(s => s.Outputs.Select(o => (name, o.Reason)))
                : Enumerable.Empty<(string, IncrementalStepRunReason)>());

        private static string Manifest(Compilation output, string path)
        {
            foreach (AttributeData a in output.Assembly.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() == typeof(MeshManifestAttribute).FullName && a.ConstructorArguments[0].Value as string == path)
                {
                    return (string)a.ConstructorArguments[1].Value!;
                }
            }

            throw new VerificationFailedException($"no manifest {path} was generated");
        }

        private static int CountOccurrences(string text, string value)
        {
            int count = 0;
            for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new VerificationFailedException(message);
            }
        }
    }
}
