using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MeshAttributes.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>Runs the analyzer (and a code fix) over sources with <c>{|MESHnnn:…|}</c> markup, offline.</summary>
    internal static class Verify
    {
        public static Task Analyzer(string source, params DiagnosticResult[] expected) => Analyzer(new[] { source }, expected);

        public static Task Analyzer(string[] sources, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<MeshPolicyAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
            Configure(test.TestState, sources);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The diagnostic <paramref name="id"/> expected at markup location <c>{|#n:…|}</c>, with its whole message.</summary>
        public static DiagnosticResult Diagnostic(string id, int location, string message) =>
            new DiagnosticResult(Descriptors.ForId(id)).WithLocation(location).WithMessage(message);

        /// <summary>The analyzer with MSBuild properties visible to the compiler, e.g. <c>("MeshIstioVersion", "1.22")</c>.</summary>
        public static Task AnalyzerWithProperties(string source, (string Name, string Value)[] properties, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<MeshPolicyAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
            Configure(test.TestState, new[] { source });
            test.TestState.AnalyzerConfigFiles.Add(GlobalConfig(properties));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>The analyzer over sources in a project that does not reference the MeshAttributes assembly.</summary>
        public static Task AnalyzerWithoutAttributesReference(string source, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<MeshPolicyAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.None };
            test.TestState.Sources.Add(("/0/Test0.cs", source));
            test.TestState.AdditionalReferences.AddRange(TestReferences.All.Where(r => !TestReferences.IsAttributesAssembly(r)));
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }

        /// <summary>
        /// Applies <typeparamref name="TFix"/> (the action with <paramref name="equivalenceKey"/>) and checks the result. The
        /// testing library also runs fix-all in document, project and solution scope and checks each gives the same result.
        /// </summary>
        public static Task CodeFix<TFix>(string source, string fixedSource, string? equivalenceKey = null, string[]? extraSources = null, int? iterations = null, (string Name, string Value)[]? properties = null)
            where TFix : CodeFixProvider, new()
        {
            var test = new CSharpCodeFixTest<MeshPolicyAnalyzer, TFix, DefaultVerifier>
            {
                ReferenceAssemblies = TestReferences.None,
                CodeActionEquivalenceKey = equivalenceKey,
            };
            Configure(test.TestState, extraSources is null ? new[] { source } : new[] { source }.Concat(extraSources));
            Configure(test.FixedState, extraSources is null ? new[] { fixedSource } : new[] { fixedSource }.Concat(extraSources));
            if (properties is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(GlobalConfig(properties));
                test.FixedState.AnalyzerConfigFiles.Add(GlobalConfig(properties));
            }
            if (iterations is int n)
            {
                test.NumberOfIncrementalIterations = n;
                test.NumberOfFixAllIterations = 1;
            }

            return test.RunAsync(CancellationToken.None);
        }

        // MSBuild properties as CompilerVisibleProperty passes them to analyzers.
        internal static (string, string) GlobalConfig((string Name, string Value)[] properties) =>
            ("/.globalconfig", "is_global = true\n" + string.Concat(properties.Select(p => $"build_property.{p.Name} = {p.Value}\n")));

        private static void Configure(SolutionState state, System.Collections.Generic.IEnumerable<string> sources)
        {
            int i = 0;
            foreach (string source in sources)
            {
                state.Sources.Add(($"/0/Test{i++}.cs", source));
            }

            state.AdditionalReferences.AddRange(TestReferences.All);
            state.OutputKind = OutputKind.DynamicallyLinkedLibrary;
        }
    }
}
