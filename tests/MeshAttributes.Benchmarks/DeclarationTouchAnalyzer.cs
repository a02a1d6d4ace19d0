using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The second control for the analyzer share: the callbacks of <see cref="NoOpAnalyzer"/>, and in them only the questions
    /// any attribute-reading analyzer asks first — the assembly's attributes, each type's and each method's attributes. The
    /// compiler binds those for every build anyway; an analyzer that asks first has the binding logged as its own time. What
    /// MeshPolicyAnalyzer costs beyond this control is its own work.
    /// </summary>
    // A benchmark-only control, never shipped nor loaded by a compiler (see NoOpAnalyzer).
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeclarationTouchAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                start.Compilation.Assembly.GetAttributes();
                start.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.AttributeList, SyntaxKind.InvocationExpression);
                start.RegisterSymbolAction(static symbol => symbol.Symbol.GetAttributes(), SymbolKind.NamedType, SymbolKind.Method);
                start.RegisterCompilationEndAction(static _ => { });
            });
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
