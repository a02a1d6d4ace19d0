using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The reference point for <see cref="Generators.MeshManifestGenerator"/>: <c>ForAttributeWithMetadataName</c> for
    /// <c>[MeshService]</c>, <c>[Retry]</c> and <c>[Timeout]</c> on classes, methods and handler lambdas, with transforms that
    /// do nothing. What it costs is Roslyn's work to find the attributes and hand over their targets' symbols (for a lambda,
    /// binding the method around it), which a generator reading only the attributed endpoints would pay. MeshManifestGenerator
    /// reads every endpoint instead, attributed or not, through syntax providers on controller classes and <c>Map*</c> calls
    /// that bind the same methods; the ratio to this floor says what that reading costs against the least a reader of the
    /// attributes could do.
    /// </summary>
    // A benchmark-only reference point, never shipped nor loaded by a compiler.
#pragma warning disable RS1036, RS1041
    [Generator(LanguageNames.CSharp)]
    public sealed class ForAttributeFloorGenerator : IIncrementalGenerator
    {
        private readonly FloorParts _parts;

        public ForAttributeFloorGenerator(FloorParts parts = FloorParts.All) => _parts = parts;

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // Each part registered alone feeds its own output, so a part left out costs nothing.
            void Attribute(FloorParts part, string metadataName, System.Func<SyntaxNode, System.Threading.CancellationToken, bool> predicate)
            {
                if (_parts.HasFlag(part))
                {
                    context.RegisterSourceOutput(
                        context.SyntaxProvider.ForAttributeWithMetadataName(metadataName, predicate, static (ctx, _) => ctx.Attributes.Length).Collect(),
                        static (_, _) => { });
                }
            }

            Attribute(FloorParts.Services, typeof(MeshServiceAttribute).FullName!, static (node, _) => node is CompilationUnitSyntax or ClassDeclarationSyntax);
            Attribute(FloorParts.Retries, typeof(RetryAttribute).FullName!, static (node, _) => IsEndpoint(node));
            Attribute(FloorParts.Timeouts, typeof(TimeoutAttribute).FullName!, static (node, _) => IsEndpoint(node));
        }

        private static bool IsEndpoint(SyntaxNode node) =>
            node is MethodDeclarationSyntax or ClassDeclarationSyntax
            || node is LambdaExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } };
    }

    /// <summary>The pipelines of <see cref="ForAttributeFloorGenerator"/>, to see what each costs (<see cref="ColdShareReport"/>).</summary>
    [System.Flags]
    public enum FloorParts
    {
        Services = 1,
        Retries = 2,
        Timeouts = 4,
        All = Services | Retries | Timeouts,
    }
#pragma warning restore RS1036, RS1041
}
