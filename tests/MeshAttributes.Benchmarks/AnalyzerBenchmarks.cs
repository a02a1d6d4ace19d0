using System;
using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The MeshAttributes analyzers against the compiler's own <c>GetDiagnostics</c> on the same compilation (the
    /// service plus the generator's output, as a build analyzes it), each invocation on a new compilation so nothing
    /// bound by the previous one is reused. <c>GetAnalyzerDiagnosticsAsync</c> binds the whole compilation to produce
    /// its events, so its Ratio includes a full <c>GetDiagnostics</c>: the analyzers' own share is
    /// (MeshAnalyzers − NoOpAnalyzer) / CompilerGetDiagnostics, and <c>--analyzer-share</c> reads it directly from
    /// Roslyn's per-analyzer execution time.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerBenchmarks
    {
        private SyntheticService _service = null!;
        private ImmutableArray<SyntaxTree> _generated;
        private ImmutableArray<DiagnosticAnalyzer> _mesh;
        private readonly ImmutableArray<DiagnosticAnalyzer> _control = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());

        [Params(1, 10, 100, 1000)]
        public int Endpoints { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _service = SyntheticService.Create(Endpoints);
            _generated = GeneratorDrivers.Create().RunGenerators(_service.CreateCompilation()).GetRunResult().GeneratedTrees;
            DiscoveredAnalyzers mesh = DiscoveredAnalyzers.Load();
            _mesh = mesh.Analyzers;
            Console.WriteLine("// " + mesh.Describe());
        }

        [Benchmark(Baseline = true)]
        public ImmutableArray<Diagnostic> CompilerGetDiagnostics() => Compilation().GetDiagnostics();

        /// <summary>Every analyzer in MeshAttributes.Generators; returns at once when there is none.</summary>
        [Benchmark]
        public ImmutableArray<Diagnostic> MeshAnalyzers() =>
            _mesh.IsEmpty ? ImmutableArray<Diagnostic>.Empty : AnalyzerRuns.AnalyzerDiagnostics(Compilation(), _mesh);

        [Benchmark]
        public ImmutableArray<Diagnostic> NoOpAnalyzer() => AnalyzerRuns.AnalyzerDiagnostics(Compilation(), _control);

        private CSharpCompilation Compilation() => _service.CreateCompilation(_generated);
    }
}
