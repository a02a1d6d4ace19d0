using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace MeshAttributes.CodeFixes
{
    /// <summary>
    /// MESH101: raise the <c>Timeout</c> in effect to fit every try and back-off, or lower <c>Attempts</c> to what fits. The
    /// analyzer passes the arguments in effect as additional locations; a fix is offered when that argument is in the same file.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RetriesExceedTimeoutCodeFixProvider)), Shared]
    public sealed class RetriesExceedTimeoutCodeFixProvider : CodeFixProvider
    {
        public const string RaiseTimeoutKey = "MESH101.RaiseTimeout";
        public const string LowerAttemptsKey = "MESH101.LowerAttempts";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RetriesExceedTimeout);

        public override FixAllProvider GetFixAllProvider() =>
            DocumentFixes.FixAll(key => key switch { RaiseTimeoutKey => RaiseTimeout, LowerAttemptsKey => LowerAttempts, _ => null });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (Target(root, diagnostic, FindingReporter.TimeoutLocation) is not null && diagnostic.Properties.TryGetValue(FindingProperties.Timeout, out string? timeout))
                {
                    context.RegisterCodeFix(DocumentFixes.Action($"Raise Timeout to \"{timeout}\"", RaiseTimeoutKey, context.Document, diagnostic, RaiseTimeout), diagnostic);
                }

                if (Target(root, diagnostic, FindingReporter.AttemptsLocation) is not null && diagnostic.Properties.TryGetValue(FindingProperties.Attempts, out string? attempts))
                {
                    context.RegisterCodeFix(DocumentFixes.Action($"Lower Attempts to {attempts}", LowerAttemptsKey, context.Document, diagnostic, LowerAttempts), diagnostic);
                }
            }
        }

        private static void RaiseTimeout(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic)
        {
            if (Target(root, diagnostic, FindingReporter.TimeoutLocation) is { } argument
                && diagnostic.Properties.TryGetValue(FindingProperties.Timeout, out string? timeout) && timeout is not null)
            {
                ArgumentEditing.ReplaceValue(editor, argument, ArgumentEditing.String(timeout));
            }
        }

        private static void LowerAttempts(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic)
        {
            if (Target(root, diagnostic, FindingReporter.AttemptsLocation) is { } argument
                && diagnostic.Properties.TryGetValue(FindingProperties.Attempts, out string? attempts)
                && int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            {
                ArgumentEditing.ReplaceValue(editor, argument, ArgumentEditing.Int(count));
            }
        }

        private static Microsoft.CodeAnalysis.CSharp.Syntax.AttributeArgumentSyntax? Target(SyntaxNode root, Diagnostic diagnostic, string key)
        {
            if (!diagnostic.Properties.TryGetValue(key, out string? index) || !int.TryParse(index, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
                || i >= diagnostic.AdditionalLocations.Count)
            {
                return null;
            }

            Location location = diagnostic.AdditionalLocations[i];
            return location.SourceTree == root.SyntaxTree ? ArgumentEditing.ArgumentAt(root, location) : null;
        }
    }
}
