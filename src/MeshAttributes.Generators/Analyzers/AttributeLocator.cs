using System;
using System.Collections.Immutable;
using System.Threading;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// Maps a Core finding's target (attribute short name, property, item) back to source: the attribute's application syntax,
    /// then the argument written for the property — by <c>Name = value</c>, by <c>name: value</c>, or by constructor position.
    /// </summary>
    internal static class AttributeLocator
    {
        /// <summary>The <paramref name="item"/>-th <c>[shortName]</c> among <paramref name="attributes"/> (repeatable attributes keep source order).</summary>
        public static AttributeSite? Find(ImmutableArray<AttributeSite> attributes, string shortName, int item = 0)
        {
            string metadataName = KnownNames.Namespace + "." + shortName + "Attribute";
            int seen = 0;
            foreach (AttributeSite a in attributes)
            {
                if (a.Is(metadataName) && seen++ == item)
                {
                    return a;
                }
            }

            return null;
        }

        /// <summary>The argument that sets <paramref name="property"/>, else the whole attribute; null for attributes from metadata.</summary>
        public static Location? Locate(AttributeSite attribute, string? property, CancellationToken cancellationToken)
        {
            if (attribute.Syntax(cancellationToken) is not { } syntax)
            {
                return null;
            }

            return Argument(attribute, syntax, property)?.GetLocation() ?? syntax.GetLocation();
        }

        /// <summary>The argument syntax that sets <paramref name="property"/>, or null when it is not written.</summary>
        public static AttributeArgumentSyntax? Argument(AttributeSite attribute, AttributeSyntax syntax, string? property)
        {
            if (property is null || syntax.ArgumentList is not { } list)
            {
                return null;
            }

            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == property)
                {
                    return argument;
                }
            }

            ImmutableArray<string> parameters = attribute.ConstructorParameters;
            for (int p = 0; p < parameters.Length; p++)
            {
                string parameter = parameters[p];
                if (!string.Equals(parameter, property, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                int position = 0;
                foreach (AttributeArgumentSyntax argument in list.Arguments)
                {
                    if (argument.NameEquals is not null)
                    {
                        continue;
                    }

                    if (argument.NameColon is { } colon ? colon.Name.Identifier.ValueText == parameter : position == p)
                    {
                        return argument;
                    }

                    position++;
                }
            }

            return null;
        }
    }
}
