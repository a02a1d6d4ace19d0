using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The control for the analyzer benchmarks: registers the same kinds of callbacks as a policy analyzer (attribute
    /// lists, invocation operations, types, methods, compilation end) and does nothing in them, so what it costs over
    /// <c>GetDiagnostics</c> is Roslyn's analyzer-driver overhead, and what a real analyzer costs over it is its own work.
    /// <para>
    /// With <see cref="BindsDeclarations"/>, it asks in them only the questions any attribute-reading analyzer asks first:
    /// the assembly's attributes, each type's and each method's. The compiler binds those in every build anyway, and an
    /// analyzer that asks first has the binding logged as its own time; the analyzer share report subtracts this control.
    /// </para>
    /// </summary>
    // A benchmark-only control handed to CompilationWithAnalyzers, never shipped nor loaded by a compiler: the rules for
    // shippable analyzers (netstandard2.0 target, extended analyzer rules, release tracking) do not apply to it.
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new(
            "BENCH000", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public NoOpAnalyzer()
            : this(bindsDeclarations: false)
        {
        }

        public NoOpAnalyzer(bool bindsDeclarations) => BindsDeclarations = bindsDeclarations;

        public bool BindsDeclarations { get; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                if (BindsDeclarations)
                {
                    start.Compilation.Assembly.GetAttributes();
                }

                start.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.AttributeList);
                start.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
                start.RegisterSymbolAction(
                    BindsDeclarations ? static symbol => symbol.Symbol.GetAttributes() : static _ => { },
                    SymbolKind.NamedType,
                    SymbolKind.Method);
                start.RegisterCompilationEndAction(static _ => { });
            });
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
