using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// <c>--analyzer-share</c>: the analyzers' execution time as Roslyn logs it per analyzer (what a build's
    /// <c>-p:ReportAnalyzer=true</c> shows), against the compiler's <c>GetDiagnostics</c> on the same compilation.
    /// BenchmarkDotNet cannot read that telemetry, so this takes medians of its own runs; it reports, never asserts.
    /// <para>
    /// Like with like: the compiler with <c>ConcurrentBuild</c> off against the analyzers with concurrent analysis off, so
    /// both sides are time on one thread. Steady state, as in an IDE or a warm compiler server: the kinds of run alternate in
    /// blocks, round after round, after warm-up rounds that let the JIT optimize our code (it ships as IL; Roslyn ships
    /// precompiled), and no collection is forced between runs.
    /// </para>
    /// <para>
    /// Two cross-checks. Telemetry charges a callback with whatever it is first to ask — binding the assembly's, types' and
    /// methods' attributes, which the compiler does in every build — and with any garbage collection that happens while it
    /// runs, so <see cref="NoOpAnalyzer"/> with <see cref="NoOpAnalyzer.BindsDeclarations"/> runs as a control. And the
    /// process CPU time of a whole analyzer run is compared with that of a run of an analyzer that does nothing: the
    /// difference is what the analyzers add to the work, whoever it is charged to.
    /// </para>
    /// </summary>
    internal static class AnalyzerShareReport
    {
        private const int WarmupRounds = 3;
        private const int Rounds = 8;

        private static readonly ImmutableArray<DiagnosticAnalyzer> Control = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer(bindsDeclarations: true));
        private static readonly ImmutableArray<DiagnosticAnalyzer> NoOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer(bindsDeclarations: false));

        public static int Run(IReadOnlyList<int> sizes)
        {
            DiscoveredAnalyzers mesh = DiscoveredAnalyzers.Load();
            Console.WriteLine(mesh.Describe());
            if (mesh.Analyzers.IsEmpty)
            {
                return 0;
            }

            Console.WriteLine();
            Console.WriteLine("| Endpoints | GetDiagnostics (ms) | analyzers, telemetry (ms) | share | control (ms) | telemetry − control (ms) | share | CPU added to a run, mean (ms) | share | diagnostics reported |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
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

                var compiler = new Samples();
                var analyzers = new Samples();
                var control = new Samples();
                var noOp = new Samples();
                ImmutableArray<Diagnostic> reported = ImmutableArray<Diagnostic>.Empty;
                int runsPerBlock = size >= 1000 ? 5 : 20;
                for (int round = -WarmupRounds; round < Rounds; round++)
                {
                    bool keep = round >= 0;
                    Block(runsPerBlock, keep ? compiler : null, () => { OneThread().GetDiagnostics(); return 0; });
                    Block(runsPerBlock, keep ? analyzers : null, () => Analyzers(OneThread(), mesh.Analyzers, out reported));
                    Block(runsPerBlock, keep ? control : null, () => Analyzers(OneThread(), Control, out _));
                    Block(runsPerBlock, keep ? noOp : null, () => Analyzers(OneThread(), NoOp, out _));
                }

                // AD0001 means an analyzer threw: its time would then be meaningless.
                failures += reported.Count(d => d.Id == "AD0001");
                string ids = string.Join(" ", reported.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}×{g.Count()}"));
                double baseline = compiler.Cpu;
                double telemetry = analyzers.Telemetry;
                double own = Math.Max(0, telemetry - control.Telemetry);
                // Means, not medians: the garbage the analyzers make is paid in the collections it brings on, which land in some
                // runs and not others (at 1,000 endpoints a full collection of the compilation's heap costs more than a run).
                double added = analyzers.MeanCpu - noOp.MeanCpu;
                Console.WriteLine(
                    $"| {size} | {baseline:F1} | {telemetry:F2} | {telemetry / baseline:P1} | {control.Telemetry:F2} | {own:F2} | {own / baseline:P1} " +
                    $"| {added:F2} | {added / compiler.MeanCpu:P1} | {(ids.Length == 0 ? "none" : ids)} |");
            }

            Console.WriteLine();
            Console.WriteLine(
                $"Medians of {Rounds} rounds after {WarmupRounds} warm-up rounds; in each round every kind of run goes once, in a block of 20 runs (5 at 1,000 " +
                "endpoints), each on a new compilation of the service plus its generated code, one thread. GetDiagnostics and \"CPU added\" are process CPU " +
                "time; telemetry is Roslyn's execution time per analyzer. \"CPU added\" is the mean CPU time of a run of the analyzers less that of a run of an " +
                "analyzer that does nothing, and its share is of GetDiagnostics' mean.");
            return failures == 0 ? 0 : 1;
        }

        // Runs the operation n times; each run's process CPU time and the telemetry it returns go into samples (null: warm-up).
        private static void Block(int n, Samples? samples, Func<double> operation)
        {
            for (int i = 0; i < n; i++)
            {
                long start = ProcessCpuClock.Instance.GetTimestamp();
                double telemetry = operation();
                long end = ProcessCpuClock.Instance.GetTimestamp();
                samples?.Add((end - start) / 1_000_000.0, telemetry);
            }
        }

        // The analyzers' summed execution time in one run over the compilation, with concurrent analysis off.
        private static double Analyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, out ImmutableArray<Diagnostic> reported)
        {
            CompilationWithAnalyzers run = AnalyzerRuns.With(compilation, analyzers, logExecutionTime: true, concurrent: false);
            reported = run.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            return analyzers.Sum(a => run.GetAnalyzerTelemetryInfoAsync(a, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        }

        private sealed class Samples
        {
            private readonly List<double> _cpu = new();
            private readonly List<double> _telemetry = new();

            public double Cpu => Statistics.Median(_cpu);

            public double MeanCpu => _cpu.Average();

            public double Telemetry => Statistics.Median(_telemetry);

            public void Add(double cpu, double telemetry)
            {
                _cpu.Add(cpu);
                _telemetry.Add(telemetry);
            }
        }
    }
}
