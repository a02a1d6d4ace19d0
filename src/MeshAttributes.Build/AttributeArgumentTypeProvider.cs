using System;
using System.Reflection.Metadata;

namespace MeshAttributes.Build
{
    /// <summary>
    /// The smallest type provider <see cref="CustomAttribute.DecodeValue{TType}"/> needs to decode the manifest
    /// attributes, whose constructors take only strings. Types are represented by their names; anything that
    /// would need another assembly resolved (enums) is refused, so a changed constructor surfaces as an error
    /// instead of a misread value.
    /// </summary>
    internal sealed class AttributeArgumentTypeProvider : ICustomAttributeTypeProvider<string>
    {
        public static readonly AttributeArgumentTypeProvider Instance = new AttributeArgumentTypeProvider();

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            return reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            return reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
        }

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) =>
            throw new BadImageFormatException("Unexpected enum argument of type " + type + ".");

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
