using System.Collections.Immutable;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// Reports every single-service rule of the catalog (MESH001–MESH009, MESH100–MESH107, MESH300) at the attribute argument it
    /// concerns. The rules are Core's; this class only wires Roslyn callbacks to <see cref="AnalysisSession"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MeshPolicyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                // Nothing here asks the compilation anything: whatever the start action is first to ask (even which assemblies
                // are referenced), it pays for on the analyzer's clock, while the callbacks below run after the compiler has
                // answered it. Each callback returns at once in a project that does not reference the attributes.
                var session = new AnalysisSession(start.Compilation, GeneratorOptions.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
                start.RegisterSyntaxNodeAction(session.AnalyzeAttributeList, SyntaxKind.AttributeList);
                start.RegisterSymbolAction(session.AnalyzeType, SymbolKind.NamedType);
                start.RegisterSymbolAction(session.AnalyzeMethod, SymbolKind.Method);
                start.RegisterOperationAction(session.AnalyzeInvocation, OperationKind.Invocation);
                start.RegisterCompilationEndAction(session.AnalyzeCompilationEnd);
            });
        }
    }
}
