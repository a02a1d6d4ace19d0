using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace MeshAttributes.CodeFixes
{
    /// <summary>Small syntax edits the fixes share: rewrite an attribute argument's value, add an attribute to an endpoint.</summary>
    internal static class ArgumentEditing
    {
        public static AttributeArgumentSyntax? ArgumentAt(SyntaxNode root, Location location) =>
            location.IsInSource ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeArgumentSyntax>() : null;

        public static void ReplaceValue(Microsoft.CodeAnalysis.Editing.DocumentEditor editor, AttributeArgumentSyntax argument, ExpressionSyntax value) =>
            editor.ReplaceNode(argument.Expression, value.WithTriviaFrom(argument.Expression));

        public static LiteralExpressionSyntax String(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

        public static LiteralExpressionSyntax Int(int value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(value));

        /// <summary>The endpoint a diagnostic sits on or in: a controller action, or the lambda handler of a Map* call.</summary>
        public static SyntaxNode? Endpoint(SyntaxNode root, Location location)
        {
            SyntaxNode node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            foreach (SyntaxNode ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case MethodDeclarationSyntax method:
                        return method;
                    case ParenthesizedLambdaExpressionSyntax lambda:
                        return lambda;
                    case InvocationExpressionSyntax invocation:
                        return invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<ParenthesizedLambdaExpressionSyntax>().FirstOrDefault();
                }
            }

            return null;
        }

        /// <summary>An attribute of the MeshAttributes namespace; the simplifier shortens the name where a using allows it.</summary>
        public static AttributeSyntax Attribute(string name, params AttributeArgumentSyntax[] arguments)
        {
            var attribute = SyntaxFactory.Attribute(SyntaxFactory.ParseName("global::MeshAttributes." + name).WithAdditionalAnnotations(Simplifier.Annotation));
            return arguments.Length == 0 ? attribute : attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)));
        }

        public static AttributeArgumentSyntax Named(string name, ExpressionSyntax value) =>
            SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals(name), null, value);

        /// <summary>Adds <paramref name="attribute"/> after the endpoint's attributes: on its own line for an action, inline for a lambda.</summary>
        public static SyntaxNode AddAttribute(SyntaxNode endpoint, AttributeSyntax attribute)
        {
            AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute));
            switch (endpoint)
            {
                case MethodDeclarationSyntax method when method.AttributeLists.Count > 0:
                    AttributeListSyntax last = method.AttributeLists.Last();
                    var indentation = last.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
                    return method.AddAttributeLists(list.WithLeadingTrivia(indentation).WithTrailingTrivia(last.GetTrailingTrivia()));
                case MethodDeclarationSyntax method:
                    return method.AddAttributeLists(list.WithAdditionalAnnotations(Formatter.Annotation));
                case ParenthesizedLambdaExpressionSyntax lambda:
                    SyntaxTriviaList leading = lambda.GetLeadingTrivia();
                    return lambda.WithoutLeadingTrivia().AddAttributeLists(list.WithTrailingTrivia(SyntaxFactory.Space)).WithLeadingTrivia(leading);
                default:
                    return endpoint;
            }
        }
    }
}
