using System;
using System.IO;
using System.Linq;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    public sealed class MeshAssemblyReaderTests : IDisposable
    {
        private readonly TempFolder temp = new();

        [Fact]
        public void Reads_manifests_and_errors_from_MeshAttributes_dll_in_declaration_order()
        {
            string dll = TestAssembly.Compile(
                CSharpSource.Attributes(
                [
                    CSharpSource.Manifest("checkout-service/destinationrule.yaml", "kind: DestinationRule\n"),
                    CSharpSource.Error("checkout-service/virtualservice.yaml", "MESH001", "Timeout \"10x\" is not a duration."),
                    CSharpSource.Manifest("checkout-service/kustomization.yaml", "resources:\n- destinationrule.yaml\n"),
                ]),
                temp.Path);

            MeshAssemblyContents contents = MeshAssemblyReader.Read(dll);

            Assert.Equal(
                [("checkout-service/destinationrule.yaml", "kind: DestinationRule\n"), ("checkout-service/kustomization.yaml", "resources:\n- destinationrule.yaml\n")],
                contents.Manifests.Select(m => (m.Path, m.Content)));
            ManifestErrorEntry error = Assert.Single(contents.Errors);
            Assert.Equal(("checkout-service/virtualservice.yaml", "MESH001", "Timeout \"10x\" is not a duration."), (error.Path, error.Id, error.Message));
        }

        [Fact]
        public void Reads_attributes_an_assembly_defines_itself()
        {
            // No MeshAttributes.dll: the constructor is then a MethodDefinition, not a MemberReference.
            string dll = TestAssembly.Compile(
                """
                [assembly: MeshAttributes.MeshManifest("a-service/x.yaml", "x: 1\n")]
                [assembly: MeshAttributes.MeshManifestError("a-service/y.yaml", "MESH003", "out of range")]
                namespace MeshAttributes
                {
                    [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                    internal sealed class MeshManifestAttribute : System.Attribute
                    {
                        public MeshManifestAttribute(string path, string content) { }
                    }

                    [System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
                    internal sealed class MeshManifestErrorAttribute : System.Attribute
                    {
                        public MeshManifestErrorAttribute(string path, string id, string message) { }
                    }
                }
                """,
                temp.Path);

            MeshAssemblyContents contents = MeshAssemblyReader.Read(dll);

            ManifestEntry manifest = Assert.Single(contents.Manifests);
            Assert.Equal(("a-service/x.yaml", "x: 1\n"), (manifest.Path, manifest.Content));
            Assert.Equal("MESH003", Assert.Single(contents.Errors).Id);
        }

        [Fact]
        public void Ignores_attributes_with_the_same_name_in_another_namespace_or_nested()
        {
            string dll = TestAssembly.Compile(
                """
                [assembly: Other.MeshManifest("a-service/x.yaml", "x")]
                [assembly: Outer.MeshManifestAttribute("a-service/y.yaml", "y")]
                namespace Other
                {
                    [System.AttributeUsage(System.AttributeTargets.Assembly)]
                    internal sealed class MeshManifestAttribute : System.Attribute
                    {
                        public MeshManifestAttribute(string path, string content) { }
                    }
                }

                public static class Outer
                {
                    [System.AttributeUsage(System.AttributeTargets.Assembly)]
                    public sealed class MeshManifestAttribute : System.Attribute
                    {
                        public MeshManifestAttribute(string path, string content) { }
                    }
                }
                """,
                temp.Path);

            MeshAssemblyContents contents = MeshAssemblyReader.Read(dll);

            Assert.Empty(contents.Manifests);
            Assert.Empty(contents.Errors);
        }

        [Theory]
        [InlineData("")]
        [InlineData("no trailing newline")]
        [InlineData("line one\nline two\n")]
        [InlineData("windows\r\nline ends kept as given\r\n")]
        [InlineData("quotes \" and \\ backslash, tab\tand {braces}")]
        [InlineData("unicode: é ✓ 日本語 😀\n")]
        public void Reads_content_exactly_as_the_string_literal_holds_it(string content)
        {
            string dll = TestAssembly.Compile(CSharpSource.Manifests(("a-service/x.yaml", content)), temp.Path);

            Assert.Equal(content, Assert.Single(MeshAssemblyReader.Read(dll).Manifests).Content);
        }

        [Fact]
        public void Reads_null_arguments_as_null()
        {
            string dll = TestAssembly.Compile("[assembly: MeshAttributes.MeshManifest(null, null)]", temp.Path);

            ManifestEntry manifest = Assert.Single(MeshAssemblyReader.Read(dll).Manifests);
            Assert.Null(manifest.Path);
            Assert.Null(manifest.Content);
        }

        [Fact]
        public void Refuses_a_file_that_is_not_an_assembly()
        {
            string path = temp.Combine("not-an-assembly.dll");
            File.WriteAllText(path, "MZ but not really");

            Assert.Throws<BadImageFormatException>(() => MeshAssemblyReader.Read(path));
        }

        public void Dispose() => temp.Dispose();
    }
}
