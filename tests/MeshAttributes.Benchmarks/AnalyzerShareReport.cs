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
    /// On one thread first: the compiler with <c>ConcurrentBuild</c> off against the analyzers with concurrent analysis off,
    /// so both sides are time spent on one thread. (Concurrently, <c>GetDiagnostics</c> is wall time on several cores while
    /// the analyzers' execution time is summed over threads, and a callback that waits for a symbol another thread is
    /// completing has the wait logged as its own time: that ratio, also printed, overstates the share.) The one-thread time
    /// includes what the analyzers are first to ask for — binding the assembly's and methods' attributes, which the compiler
    /// does in every build — so <see cref="NoOpAnalyzer"/> with <see cref="NoOpAnalyzer.BindsDeclarations"/> runs the same
    /// way as a control; what is left is the analyzers' own work.
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
            Console.WriteLine("| Endpoints | GetDiagnostics, one thread (ms) | analyzers, one thread (ms) | share | control (ms) | own work (ms) | share | GetDiagnostics, concurrent wall (ms) | analyzers, concurrent (ms) | share | diagnostics reported |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            int failures = 0;
            foreach (int size in sizes)
            {
                var service = SyntheticService.Create(size);
                var generated = GeneratorDrivers.Create().RunGenerators(service.CreateCompilation()).GetRunResult().GeneratedTrees;
                Compilation OneThread()
                {
                    Compilation compilation = service.CreateCompilation(generated);
                    return compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));
                }

                ImmutableArray<Diagnostic> reported = ImmutableArray<Diagnostic>.Empty;

                // Each measurement in a block of its own, warmed up, so one kind of run does not pay for another's caches.
                double compilerOneThread = Median(() => Timed(() => OneThread().GetDiagnostics()));
                double analyzersOneThread = Median(() => Analyzers(OneThread(), mesh.Analyzers, concurrent: false, out reported));
                double control = Median(() => Analyzers(OneThread(), Control, concurrent: false, out _));
                double compilerConcurrent = Median(() => Timed(() => service.CreateCompilation(generated).GetDiagnostics()));
                double analyzersConcurrent = Median(() => Analyzers(service.CreateCompilation(generated), mesh.Analyzers, concurrent: true, out _));

                // AD0001 means an analyzer threw: its time would then be meaningless.
                failures += reported.Count(d => d.Id == "AD0001");
                string ids = string.Join(" ", reported.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
                double own = Math.Max(0, analyzersOneThread - control);
                Console.WriteLine(
                    $"| {size} | {compilerOneThread:F1} | {analyzersOneThread:F2} | {analyzersOneThread / compilerOneThread:P1} | {control:F2} | {own:F2} | {own / compilerOneThread:P1} " +
                    $"| {compilerConcurrent:F1} | {analyzersConcurrent:F2} | {analyzersConcurrent / compilerConcurrent:P1} | {(ids.Length == 0 ? "none" : ids)} |");
            }

            Console.WriteLine();
            Console.WriteLine($"Medians of {Runs} runs after {Warmups} warm-ups, each on a new compilation of the service plus its generated code.");
            return failures == 0 ? 0 : 1;
        }

        private static double Timed(Action action)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        // The analyzers' summed execution time in one run over the compilation.
        private static double Analyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent, out ImmutableArray<Diagnostic> reported)
        {
            CompilationWithAnalyzers run = AnalyzerRuns.With(compilation, analyzers, logExecutionTime: true, concurrent: concurrent);
            reported = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return ExecutionTime(run, analyzers);
        }

        private static double Median(Func<double> measure)
        {
            var values = new List<double>();
            for (int i = 0; i < Warmups + Runs; i++)
            {
                Settle();
                double value = measure();
                if (i >= Warmups)
                {
                    values.Add(value);
                }
            }

            return Median(values);
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
