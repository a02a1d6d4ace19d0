using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using MeshAttributes.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.CodeFixes
{
    /// <summary>
    /// MESH001 (rewrite an unambiguous duration), MESH002 (closest retry condition, no spaces), MESH106 and MESH110 (STRICT)
    /// and MESH111 (hold the application until its proxy starts): the finding carries the corrected value, and the fix
    /// writes it into the argument the diagnostic points at.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceValueCodeFixProvider)), Shared]
    public sealed class ReplaceValueCodeFixProvider : CodeFixProvider
    {
        private const string Key = "MeshAttributes.ReplaceValue";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(
                RuleIds.InvalidDuration, RuleIds.InvalidRetryOn, RuleIds.MutualTlsNotStrict, RuleIds.MeshMutualTlsNotStrict, RuleIds.AppStartsBeforeProxy);

        public override FixAllProvider GetFixAllProvider() => DocumentFixes.FixAll(key => key == Key ? Edit : null);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root is null || !diagnostic.Properties.TryGetValue(FindingProperties.Replacement, out string? value) || value is null
                    || ArgumentEditing.ArgumentAt(root, diagnostic.Location) is null)
                {
                    continue;
                }

                string title = EnumOf(diagnostic.Id) is string type ? $"Use {type}.{value}"
                    : diagnostic.Id == RuleIds.AppStartsBeforeProxy ? "Hold the application until its proxy starts"
                    : $"Change to \"{value}\"";
                context.RegisterCodeFix(DocumentFixes.Action(title, Key, context.Document, diagnostic, Edit), diagnostic);
            }
        }

        private static void Edit(Microsoft.CodeAnalysis.Editing.DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic)
        {
            if (ArgumentEditing.ArgumentAt(root, diagnostic.Location) is not { } argument
                || !diagnostic.Properties.TryGetValue(FindingProperties.Replacement, out string? value) || value is null)
            {
                return;
            }

            ExpressionSyntax replacement = EnumOf(diagnostic.Id) is string type
                ? argument.Expression is MemberAccessExpressionSyntax member
                    ? member.WithName(SyntaxFactory.IdentifierName(value))
                    : SyntaxFactory.ParseExpression("global::MeshAttributes." + type + "." + value).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation)
                : diagnostic.Id == RuleIds.AppStartsBeforeProxy
                    ? SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)
                    : ArgumentEditing.String(value);
            ArgumentEditing.ReplaceValue(editor, argument, replacement);
        }

        // The enum whose member the fix writes, for the rules whose correction is one.
        private static string? EnumOf(string id) =>
            id == RuleIds.MutualTlsNotStrict || id == RuleIds.MeshMutualTlsNotStrict ? "MutualTlsMode" : null;
    }
}
