using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// <c>--analyzer-share</c>: the analyzers' own execution time as Roslyn logs it per analyzer (what a build's
    /// <c>-p:ReportAnalyzer=true</c> shows), against the compiler's <c>GetDiagnostics</c> on the same compilation.
    /// BenchmarkDotNet cannot read that telemetry, so this takes medians of a few Stopwatch runs; it reports, never asserts.
    /// </summary>
    internal static class AnalyzerShareReport
    {
        private const int Warmups = 2;
        private const int Runs = 7;

        public static int Run(IReadOnlyList<int> sizes)
        {
            DiscoveredAnalyzers mesh = DiscoveredAnalyzers.Load();
            Console.WriteLine(mesh.Describe());
            if (mesh.Analyzers.IsEmpty)
            {
                return 0;
            }

            Console.WriteLine();
            Console.WriteLine("| Endpoints | GetDiagnostics (ms) | GetAnalyzerDiagnosticsAsync wall (ms) | analyzers' execution time (ms) | share of GetDiagnostics | diagnostics reported |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---|");
            int failures = 0;
            foreach (int size in sizes)
            {
                var service = SyntheticService.Create(size);
                var generated = GeneratorDrivers.Create().RunGenerators(service.CreateCompilation()).GetRunResult().GeneratedTrees;
                var compiler = new List<double>();
                var wall = new List<double>();
                var execution = new List<double>();
                ImmutableArray<Diagnostic> reported = ImmutableArray<Diagnostic>.Empty;
                for (int i = 0; i < Warmups + Runs; i++)
                {
                    Settle();
                    var stopwatch = Stopwatch.StartNew();
                    service.CreateCompilation(generated).GetDiagnostics();
                    double compilerMs = stopwatch.Elapsed.TotalMilliseconds;

                    Settle();
                    CompilationWithAnalyzers withAnalyzers = AnalyzerRuns.With(service.CreateCompilation(generated), mesh.Analyzers, logExecutionTime: true);
                    stopwatch.Restart();
                    reported = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    double wallMs = stopwatch.Elapsed.TotalMilliseconds;
                    double executionMs = mesh.Analyzers
                        .Sum(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
                    if (i >= Warmups)
                    {
                        compiler.Add(compilerMs);
                        wall.Add(wallMs);
                        execution.Add(executionMs);
                    }
                }

                // AD0001 means an analyzer threw: its time would then be meaningless.
                failures += reported.Count(d => d.Id == "AD0001");
                string ids = string.Join(" ", reported.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
                double share = Median(execution) / Median(compiler);
                Console.WriteLine($"| {size} | {Median(compiler):F1} | {Median(wall):F1} | {Median(execution):F2} | {share:P1} | {(ids.Length == 0 ? "none" : ids)} |");
            }

            Console.WriteLine();
            Console.WriteLine($"Medians of {Runs} runs after {Warmups} warm-ups, each on a new compilation of the service plus its generated code.");
            return failures == 0 ? 0 : 1;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
