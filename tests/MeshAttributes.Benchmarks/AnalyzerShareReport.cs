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
    /// <para>
    /// Twice: with concurrent analysis, as the compiler runs analyzers, and on one thread. Concurrently, a callback that waits
    /// for a symbol another thread is completing (a method's attributes being bound for the compiler) has that wait logged as
    /// its own execution time, so the concurrent figure is an upper bound; the one-thread figure counts only work done on
    /// the analyzer's behalf, including what it is first to ask for (binding the assembly's and methods' attributes). That
    /// part is shown by <see cref="NoOpAnalyzer"/> with <see cref="NoOpAnalyzer.BindsDeclarations"/>, run the same way: what is left is the analyzer's own work.
    /// </para>
    /// </summary>
    internal static class AnalyzerShareReport
    {
        private const int Warmups = 2;
        private const int Runs = 7;

        private static readonly ImmutableArray<DiagnosticAnalyzer> Control = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer(bindsDeclarations: true));

        public static int Run(IReadOnlyList<int> sizes)
        {
            DiscoveredAnalyzers mesh = DiscoveredAnalyzers.Load();
            Console.WriteLine(mesh.Describe());
            if (mesh.Analyzers.IsEmpty)
            {
                return 0;
            }

            Console.WriteLine();
            Console.WriteLine("| Endpoints | GetDiagnostics (ms) | GetAnalyzerDiagnosticsAsync wall (ms) | execution time, concurrent (ms) | share | execution time, one thread (ms) | share | of which binding declarations (control, ms) | own work, one thread (ms) | share | diagnostics reported |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            int failures = 0;
            foreach (int size in sizes)
            {
                var service = SyntheticService.Create(size);
                var generated = GeneratorDrivers.Create().RunGenerators(service.CreateCompilation()).GetRunResult().GeneratedTrees;
                var compiler = new List<double>();
                var wall = new List<double>();
                var execution = new List<double>();
                var sequential = new List<double>();
                var touch = new List<double>();
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
                    double executionMs = ExecutionTime(withAnalyzers, mesh.Analyzers);
                    Settle();
                    CompilationWithAnalyzers oneThread = AnalyzerRuns.With(service.CreateCompilation(generated), mesh.Analyzers, logExecutionTime: true, concurrent: false);
                    oneThread.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    double sequentialMs = ExecutionTime(oneThread, mesh.Analyzers);
                    Settle();
                    CompilationWithAnalyzers control = AnalyzerRuns.With(service.CreateCompilation(generated), Control, logExecutionTime: true, concurrent: false);
                    control.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                    double touchMs = ExecutionTime(control, Control);
                    if (i >= Warmups)
                    {
                        compiler.Add(compilerMs);
                        wall.Add(wallMs);
                        execution.Add(executionMs);
                        sequential.Add(sequentialMs);
                        touch.Add(touchMs);
                    }
                }

                // AD0001 means an analyzer threw: its time would then be meaningless.
                failures += reported.Count(d => d.Id == "AD0001");
                string ids = string.Join(" ", reported.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
                double share = Median(execution) / Median(compiler);
                double sequentialShare = Median(sequential) / Median(compiler);
                double own = Math.Max(0, Median(sequential) - Median(touch));
                Console.WriteLine($"| {size} | {Median(compiler):F1} | {Median(wall):F1} | {Median(execution):F2} | {share:P1} | {Median(sequential):F2} | {sequentialShare:P1} | {Median(touch):F2} | {own:F2} | {own / Median(compiler):P1} | {(ids.Length == 0 ? "none" : ids)} |");
            }

            Console.WriteLine();
            Console.WriteLine($"Medians of {Runs} runs after {Warmups} warm-ups, each on a new compilation of the service plus its generated code.");
            return failures == 0 ? 0 : 1;
        }

        private static double ExecutionTime(CompilationWithAnalyzers run, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            analyzers.Sum(a => run.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);

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
