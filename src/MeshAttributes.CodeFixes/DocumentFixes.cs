using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace MeshAttributes.CodeFixes
{
    /// <summary>
    /// Applies one kind of edit for one diagnostic or for many at once: every fix here is an edit of the document the
    /// diagnostic is in, so fix-all (document, project, solution) is the same edit applied to each diagnostic of a document.
    /// </summary>
    internal delegate void DiagnosticEdit(DocumentEditor editor, SyntaxNode root, Diagnostic diagnostic);

    internal static class DocumentFixes
    {
        public static CodeAction Action(string title, string equivalenceKey, Document document, Diagnostic diagnostic, DiagnosticEdit edit) =>
            CodeAction.Create(title, ct => ApplyAsync(document, ImmutableArray.Create(diagnostic), edit, ct), equivalenceKey);

        public static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, DiagnosticEdit edit, CancellationToken cancellationToken)
        {
            DocumentEditor editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            SyntaxNode root = editor.OriginalRoot;
            // Each node is edited once, even when several diagnostics ask for the same edit (e.g. two bad tokens in one RetryOn).
            foreach (var group in diagnostics.GroupBy(d => d.Location.SourceSpan))
            {
                edit(editor, root, group.First());
            }

            return editor.GetChangedDocument();
        }

        /// <summary>Fix-all over the diagnostics of each document, keeping only those whose fix has the chosen equivalence key.</summary>
        public static FixAllProvider FixAll(System.Func<string?, DiagnosticEdit?> editFor) =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
                editFor(context.CodeActionEquivalenceKey) is { } edit
                    ? await ApplyAsync(document, diagnostics, edit, context.CancellationToken).ConfigureAwait(false)
                    : null);
    }
}
