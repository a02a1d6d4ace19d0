using System;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Reads an attribute's arguments as written. Named arguments the user did not write stay null, which is
    /// how "unset, Istio's default applies" reaches the model.
    /// </summary>
    internal static class AttributeValues
    {
        public static bool Is(this AttributeData attribute, string metadataName)
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            int dot = metadataName.LastIndexOf('.');
            return type.Name == metadataName.Substring(dot + 1)
                && type.ContainingNamespace is { ContainingNamespace.IsGlobalNamespace: true } ns
                && ns.Name == metadataName.Substring(0, dot);
        }

        public static TypedConstant? Named(this AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        public static string? NamedString(this AttributeData attribute, string name) =>
            attribute.Named(name) is { } value ? value.Value as string : null;

        public static int? NamedInt(this AttributeData attribute, string name) =>
            attribute.Named(name) is { Value: { } value } ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : null;

        public static double? NamedDouble(this AttributeData attribute, string name) =>
            attribute.Named(name) is { Value: { } value } ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : null;

        public static bool? NamedBool(this AttributeData attribute, string name) =>
            attribute.Named(name) is { Value: bool value } ? value : null;

        public static string? CtorString(this AttributeData attribute, int index) =>
            attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;

        public static int? CtorInt(this AttributeData attribute, int index) =>
            attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is { } value
                ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
                : null;
    }
}
