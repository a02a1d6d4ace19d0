using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Where a mesh attribute is written, and what it takes to find one of its arguments there: its type's metadata name,
    /// its application syntax, and its constructor's parameter names. Made from an <see cref="AttributeData"/>, or by
    /// <see cref="HandlerReader"/> from a handler's attribute bound on its own (a lambda's <see cref="AttributeData"/> costs
    /// binding the whole method around it).
    /// </summary>
    internal sealed class AttributeSite
    {
        private readonly SyntaxReference? _syntax;

        public AttributeSite(string metadataName, SyntaxReference? syntax, ImmutableArray<string> constructorParameters)
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
                ? new AttributeSite(KnownNames.Qualified(type.MetadataName), attribute.ApplicationSyntaxReference, ParameterNames(attribute.AttributeConstructor))
                : null;

        /// <summary>The names of a constructor's parameters, in order; empty for none.</summary>
        public static ImmutableArray<string> ParameterNames(IMethodSymbol? constructor)
        {
            if (constructor is null || constructor.Parameters.IsEmpty)
            {
                return ImmutableArray<string>.Empty;
            }

            var names = new string[constructor.Parameters.Length];
            for (int i = 0; i < names.Length; i++)
            {
                names[i] = constructor.Parameters[i].Name;
            }

            return ImmutableArray.Create(names);
        }

        /// <summary>Whether <paramref name="type"/> is declared in the <c>MeshAttributes</c> namespace.</summary>
        public static bool IsMeshAttributes(INamedTypeSymbol type) =>
            type.ContainingNamespace is { Name: KnownNames.Namespace, ContainingNamespace.IsGlobalNamespace: true };

        /// <summary>The sites of the MeshAttributes attributes among <paramref name="attributes"/>, in source order.</summary>
        public static ImmutableArray<AttributeSite> Of(ImmutableArray<AttributeData> attributes)
        {
            // Most declarations carry no mesh attribute: nothing is allocated for them.
            ImmutableArray<AttributeSite>.Builder? sites = null;
            foreach (AttributeData attribute in attributes)
            {
                if (Of(attribute) is { } site)
                {
                    (sites ??= ImmutableArray.CreateBuilder<AttributeSite>()).Add(site);
                }
            }

            return sites?.ToImmutable() ?? ImmutableArray<AttributeSite>.Empty;
        }
    }
}
