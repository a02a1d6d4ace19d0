using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The floor under <see cref="Generators.MeshManifestGenerator"/>: the same three <c>ForAttributeWithMetadataName</c>
    /// registrations and the same syntax provider for minimal-API handlers, with the same syntax predicates, and transforms
    /// that do nothing. What it costs is Roslyn's work to find the attributes and hand over their targets' symbols, which
    /// any generator reading these attributes pays; the rest of a cold run is MeshAttributes' own.
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
            Attribute(FloorParts.Retries, typeof(RetryAttribute).FullName!, static (node, _) => node is MethodDeclarationSyntax or ClassDeclarationSyntax);
            Attribute(FloorParts.Timeouts, typeof(TimeoutAttribute).FullName!, static (node, _) => node is MethodDeclarationSyntax or ClassDeclarationSyntax);
            if (_parts.HasFlag(FloorParts.Handlers))
            {
                context.RegisterSourceOutput(context.SyntaxProvider.CreateSyntaxProvider(
                    static (node, _) => node is LambdaExpressionSyntax { AttributeLists.Count: > 0, Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } },
                    static (ctx, _) => ctx.Node.SpanStart).Collect(), static (_, _) => { });
            }
        }
    }

    /// <summary>The pipelines of <see cref="ForAttributeFloorGenerator"/>, to see what each costs (<see cref="FloorPartsBenchmarks"/>).</summary>
    [System.Flags]
    public enum FloorParts
    {
        Services = 1,
        Retries = 2,
        Timeouts = 4,
        Handlers = 8,
        All = Services | Retries | Timeouts | Handlers,
    }
#pragma warning restore RS1036, RS1041
}
