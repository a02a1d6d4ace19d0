using System.Threading;
using System.Threading.Tasks;
using MeshAttributes.CodeFixes;
using MeshAttributes.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>The replace-value fix on the platform's warnings writes the safe value the message names.</summary>
    public class PlatformCodeFixTests
    {
        [Fact]
        public Task MESH110_sets_strict_and_MESH111_holds_the_application() =>
            Fix(
                """
                using MeshAttributes;
                [assembly: MeshPlatform({|MESH110:MutualTls = MutualTlsMode.Permissive|}, {|MESH111:HoldApplicationUntilProxyStarts = false|})]
                """,
                """
                using MeshAttributes;
                [assembly: MeshPlatform(MutualTls = MutualTlsMode.Strict, HoldApplicationUntilProxyStarts = true)]
                """);

        private static Task Fix(string source, string fixedSource)
        {
            var test = new CSharpCodeFixTest<MeshPlatformAnalyzer, ReplaceValueCodeFixProvider, DefaultVerifier>
            {
                ReferenceAssemblies = TestReferences.None,
                TestCode = source,
                FixedCode = fixedSource,
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.All);
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
            test.FixedState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            return test.RunAsync(CancellationToken.None);
        }
    }
}
