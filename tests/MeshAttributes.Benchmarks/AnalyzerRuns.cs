using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>Runs analyzers over a compilation the way the compiler does for a build: the whole compilation, concurrently.</summary>
    internal static class AnalyzerRuns
    {
        public static CompilationWithAnalyzers With(
            Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime = false, bool concurrent = true) =>
            compilation.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    onAnalyzerException: null,
                    concurrentAnalysis: concurrent,
                    logAnalyzerExecutionTime: logExecutionTime));

        public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            With(compilation, analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
