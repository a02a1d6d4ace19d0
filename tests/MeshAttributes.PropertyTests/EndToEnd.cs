using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshAttributes.Generators.Analyzers;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.PropertyTests.Oracle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.PropertyTests
{
    /// <summary>
    /// One source compiled as a build compiles it: the generator through the driver (the harness of
    /// MeshAttributes.Generators.Tests), the analyzer through <see cref="CompilationWithAnalyzers"/>.
    /// </summary>
    internal sealed class EndToEnd
    {
        private EndToEnd(GeneratorRun run, ImmutableArray<Diagnostic> analyzer, ImmutableArray<System.Exception> analyzerExceptions)
        {
            Run = run;
            Analyzer = analyzer;
            AnalyzerExceptions = analyzerExceptions;
        }

        public GeneratorRun Run { get; }

        /// <summary>Every analyzer diagnostic, AD0001 (an analyzer exception) included.</summary>
        public ImmutableArray<Diagnostic> Analyzer { get; }

        /// <summary>Exceptions the analyzer threw, as the analyzer driver hands them over.</summary>
        public ImmutableArray<System.Exception> AnalyzerExceptions { get; }

        public static EndToEnd Compile(params string[] sources) => Compile(GeneratorHarness.CreateCompilation(sources));

        public static EndToEnd Compile(CSharpCompilation compilation)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            var exceptions = new System.Collections.Generic.List<System.Exception>();
            var analyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new MeshPolicyAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: (ex, _, _) => { lock (exceptions) { exceptions.Add(ex); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
            ImmutableArray<Diagnostic> diagnostics = analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new EndToEnd(new GeneratorRun(driver, output), diagnostics, exceptions.ToImmutableArray());
        }

        /// <summary>No generator exception or diagnostic, no analyzer exception, and the generated source compiles.</summary>
        public void AssertNothingCrashed()
        {
            if (Run.Result.Exception is { } ex)
            {
                throw new PropertyFailure("the generator threw: " + ex);
            }

            if (Run.Result.Diagnostics.FirstOrDefault() is { } reported)
            {
                throw new PropertyFailure("the generator reported " + reported);
            }

            if (AnalyzerExceptions.FirstOrDefault() is { } thrown)
            {
                throw new PropertyFailure("the analyzer threw: " + thrown);
            }

            if (Analyzer.FirstOrDefault(d => d.Id == "AD0001") is { } crash)
            {
                throw new PropertyFailure("the analyzer threw: " + crash.GetMessage());
            }

            if (Run.CompilationErrors.FirstOrDefault() is { } error)
            {
                throw new PropertyFailure("the project with its generated source does not compile: " + error);
            }
        }
    }
}
