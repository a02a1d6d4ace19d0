using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MeshAttributes.Build
{
    /// <summary>
    /// Reads the manifest attributes from a compiled assembly's metadata. The assembly is never loaded: MSBuild
    /// is long-lived and loading would lock the file and pin one version of the user's code in the build process.
    /// </summary>
    internal static class MeshAssemblyReader
    {
        /// <exception cref="IOException">The file cannot be read.</exception>
        /// <exception cref="BadImageFormatException">Not a .NET assembly, or an attribute blob is malformed.</exception>
        public static MeshAssemblyContents Read(string assemblyPath)
        {
            // FileShare.Delete lets the compiler replace the file while a (cancelled) build still has it open.
            using (var stream = new FileStream(assemblyPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete))
            using (var peReader = new PEReader(stream))
            {
                if (!peReader.HasMetadata)
                {
                    throw new BadImageFormatException("The file has no .NET metadata.", assemblyPath);
                }

                return Read(peReader.GetMetadataReader());
            }
        }

        public static MeshAssemblyContents Read(MetadataReader reader)
        {
            var manifests = new List<ManifestEntry>();
            var errors = new List<ManifestErrorEntry>();
            if (!reader.IsAssembly)
            {
                return new MeshAssemblyContents(manifests, errors);
            }

            bool hasPlatform = false;
            foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                CustomAttribute attribute = reader.GetCustomAttribute(handle);
                string? name = GetMeshAttributeName(reader, attribute.Constructor);
                if (name == MeshAttributeNames.Manifest)
                {
                    ImmutableArray<CustomAttributeTypedArgument<string>> args = DecodeStrings(attribute, name, 2);
                    manifests.Add(new ManifestEntry((string?)args[0].Value, (string?)args[1].Value));
                }
                else if (name == MeshAttributeNames.ManifestError)
                {
                    ImmutableArray<CustomAttributeTypedArgument<string>> args = DecodeStrings(attribute, name, 3);
                    errors.Add(new ManifestErrorEntry((string?)args[0].Value, (string?)args[1].Value, (string?)args[2].Value));
                }
                else if (name == MeshAttributeNames.Platform)
                {
                    hasPlatform = true;
                }
            }

            return new MeshAssemblyContents(manifests, errors, hasPlatform);
        }

        /// <summary>
        /// The attribute's type name when it is one of ours (namespace <c>MeshAttributes</c>, top-level), else null.
        /// The constructor is a MemberReference when the attribute comes from MeshAttributes.dll (the normal case)
        /// and a MethodDefinition when the assembly defines the type itself.
        /// </summary>
        private static string? GetMeshAttributeName(MetadataReader reader, EntityHandle constructor)
        {
            StringHandle ns;
            StringHandle name;
            switch (constructor.Kind)
            {
                case HandleKind.MemberReference:
                    EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
                    if (parent.Kind != HandleKind.TypeReference)
                    {
                        return null; // generic instantiations and the like: never ours
                    }

                    TypeReference typeRef = reader.GetTypeReference((TypeReferenceHandle)parent);
                    if (typeRef.ResolutionScope.Kind == HandleKind.TypeReference)
                    {
                        return null; // nested type
                    }

                    ns = typeRef.Namespace;
                    name = typeRef.Name;
                    break;

                case HandleKind.MethodDefinition:
                    TypeDefinition typeDef = reader.GetTypeDefinition(
                        reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType());
                    if (typeDef.IsNested)
                    {
                        return null;
                    }

                    ns = typeDef.Namespace;
                    name = typeDef.Name;
                    break;

                default:
                    return null;
            }

            if (!reader.StringComparer.Equals(ns, MeshAttributeNames.Namespace))
            {
                return null;
            }

            if (reader.StringComparer.Equals(name, MeshAttributeNames.Manifest))
            {
                return MeshAttributeNames.Manifest;
            }

            if (reader.StringComparer.Equals(name, MeshAttributeNames.Platform))
            {
                return MeshAttributeNames.Platform;
            }

            return reader.StringComparer.Equals(name, MeshAttributeNames.ManifestError) ? MeshAttributeNames.ManifestError : null;
        }

        private static ImmutableArray<CustomAttributeTypedArgument<string>> DecodeStrings(CustomAttribute attribute, string name, int count)
        {
            CustomAttributeValue<string> value = attribute.DecodeValue(AttributeArgumentTypeProvider.Instance);
            ImmutableArray<CustomAttributeTypedArgument<string>> args = value.FixedArguments;
            string expected = nameof(PrimitiveTypeCode.String);
            if (args.Length != count)
            {
                throw new BadImageFormatException(
                    $"[{MeshAttributeNames.Namespace}.{name}] has {args.Length} constructor arguments; this task expects {count}. " +
                    "The MeshAttributes package and the referenced attributes assembly are out of step.");
            }

            foreach (CustomAttributeTypedArgument<string> arg in args)
            {
                if (arg.Type != expected)
                {
                    throw new BadImageFormatException(
                        $"[{MeshAttributeNames.Namespace}.{name}] has a {arg.Type} constructor argument; this task expects only strings.");
                }
            }

            return args;
        }
    }
}
