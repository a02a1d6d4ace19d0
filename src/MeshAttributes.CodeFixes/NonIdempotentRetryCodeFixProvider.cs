using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using MeshAttributes.Core.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace MeshAttributes.CodeFixes
{
    /// <summary>
    /// MESH100: mark the endpoint <c>[Idempotent]</c> (it deduplicates replays), or retry it only on the conditions that never
    /// reach the app — by rewriting its own <c>RetryOn</c>, or, when it inherits the service's <c>[Retry]</c>, by giving it a
    /// <c>[Retry]</c> of its own with the same attempts and per-try timeout.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NonIdempotentRetryCodeFixProvider)), Shared]
    public sealed class NonIdempotentRetryCodeFixProvider : CodeFixProvider
    {
        public const string IdempotentKey = "MESH100.Idempotent";
        public const string SafeRetryOnKey = "MESH100.SafeRetryOn";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.NonIdempotentRetry);

        public override FixAllProvider GetFixAllProvider() =>
            DocumentFixes.FixAll(key => key switch { IdempotentKey => MarkIdempotent, SafeRetryOnKey => RetryOnlySafely, _ => null });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (root is null || ArgumentEditing.Endpoint(root, diagnostic.Location) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(DocumentFixes.Action("Mark the endpoint [Idempotent]", IdempotentKey, context.Document, diagnostic, MarkIdempotent), diagnostic);
                if (diagnostic.Properties.ContainsKey(FindingProperties.Replacement))
                {
                    context.RegisterCodeFix(DocumentFixes.Action($"Retry only on \"{SafeRetryOn(diagnostic)}\"", SafeRetryOnKey, context.Document, diagnostic, RetryOnlySafely), diagnostic);
                }
            }
        }

        private static void MarkIdempotent(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic)
        {
            if (ArgumentEditing.Endpoint(root, diagnostic.Location) is { } endpoint)
            {
                editor.ReplaceNode(endpoint, (current, _) => ArgumentEditing.AddAttribute(current, ArgumentEditing.Attribute("Idempotent")));
            }
        }

        private static void RetryOnlySafely(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic)
        {
            bool inherited = diagnostic.Properties.TryGetValue(FindingProperties.Inherited, out string? value) && value == "true";
            if (!inherited && ArgumentEditing.ArgumentAt(root, diagnostic.Location) is { } argument)
            {
                ArgumentEditing.ReplaceValue(editor, argument, ArgumentEditing.String(SafeRetryOn(diagnostic)));
                return;
            }

            if (ArgumentEditing.Endpoint(root, diagnostic.Location) is not { } endpoint)
            {
                return;
            }

            var arguments = new List<AttributeArgumentSyntax>();
            if (diagnostic.Properties.TryGetValue(FindingProperties.Attempts, out string? attempts) && int.TryParse(attempts, NumberStyles.Integer, CultureInfo.InvariantCulture, out int count))
            {
                arguments.Add(ArgumentEditing.Named("Attempts", ArgumentEditing.Int(count)));
            }

            if (diagnostic.Properties.TryGetValue(FindingProperties.PerTryTimeout, out string? perTry) && perTry is not null)
            {
                arguments.Add(ArgumentEditing.Named("PerTryTimeout", ArgumentEditing.String(perTry)));
            }

            arguments.Add(ArgumentEditing.Named("RetryOn", ArgumentEditing.String(SafeRetryOn(diagnostic))));
            editor.ReplaceNode(endpoint, (current, _) => ArgumentEditing.AddAttribute(current, ArgumentEditing.Attribute("Retry", arguments.ToArray())));
        }

        // The safe conditions the target Istio release accepts, as the rule worked them out (no reset-before-request before 1.23).
        private static string SafeRetryOn(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(FindingProperties.Replacement, out string? replacement) && replacement is not null
                ? replacement
                : RetryConditions.SafeRetryOn;
    }
}
