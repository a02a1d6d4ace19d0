using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Where a mesh attribute is written, and what it takes to find one of its arguments there: its type's metadata name,
    /// its application syntax, and its constructor's parameter names. Made from an <see cref="AttributeData"/>.
    /// </summary>
    internal sealed class AttributeSite
    {
        private readonly SyntaxReference? _syntax;

        private AttributeSite(string metadataName, SyntaxReference? syntax, ImmutableArray<string> constructorParameters)
        {
            MetadataName = metadataName;
            _syntax = syntax;
            ConstructorParameters = constructorParameters;
        }

        /// <summary>E.g. <c>MeshAttributes.RetryAttribute</c>.</summary>
        public string MetadataName { get; }

        /// <summary>The attribute's name as messages write it: <c>Retry</c>.</summary>
        public string ShortName => KnownNames.ShortName(MetadataName);

        /// <summary>The names of the constructor's parameters, in order; empty when the constructor did not bind.</summary>
        public ImmutableArray<string> ConstructorParameters { get; }

        /// <summary>The attribute as written, or null for an attribute that comes from metadata.</summary>
        public AttributeSyntax? Syntax(CancellationToken cancellationToken) => _syntax?.GetSyntax(cancellationToken) as AttributeSyntax;

        public bool Is(string metadataName) => MetadataName == metadataName;

        /// <summary>The site of a MeshAttributes attribute; null for any other attribute or one whose type did not bind.</summary>
        public static AttributeSite? Of(AttributeData attribute) =>
            attribute.AttributeClass is { TypeKind: not TypeKind.Error } type && IsMeshAttributes(type)
                ? new AttributeSite(KnownNames.Qualified(type.MetadataName), attribute.ApplicationSyntaxReference, attribute.AttributeConstructor?.Parameters.Select(p => p.Name).ToImmutableArray() ?? ImmutableArray<string>.Empty)
                : null;

        /// <summary>Whether <paramref name="type"/> is declared in the <c>MeshAttributes</c> namespace.</summary>
        public static bool IsMeshAttributes(INamedTypeSymbol type) =>
            type.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>The sites of the MeshAttributes attributes among <paramref name="attributes"/>, in source order.</summary>
        public static ImmutableArray<AttributeSite> Of(ImmutableArray<AttributeData> attributes) =>
            attributes.Select(a => Of(a)).OfType<AttributeSite>().ToImmutableArray();
    }
}
