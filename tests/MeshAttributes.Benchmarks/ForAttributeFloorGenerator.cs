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
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var services = context.SyntaxProvider.ForAttributeWithMetadataName(
                typeof(MeshServiceAttribute).FullName!,
                static (node, _) => node is CompilationUnitSyntax or ClassDeclarationSyntax,
                static (ctx, _) => ctx.Attributes.Length);
            var retries = context.SyntaxProvider.ForAttributeWithMetadataName(
                typeof(RetryAttribute).FullName!,
                static (node, _) => node is MethodDeclarationSyntax or ClassDeclarationSyntax,
                static (ctx, _) => ctx.Attributes.Length);
            var timeouts = context.SyntaxProvider.ForAttributeWithMetadataName(
                typeof(TimeoutAttribute).FullName!,
                static (node, _) => node is MethodDeclarationSyntax or ClassDeclarationSyntax,
                static (ctx, _) => ctx.Attributes.Length);
            var handlers = context.SyntaxProvider.CreateSyntaxProvider(
                static (node, _) => node is LambdaExpressionSyntax { AttributeLists.Count: > 0, Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } },
                static (ctx, _) => ctx.Node.SpanStart);
            context.RegisterSourceOutput(services.Collect().Combine(retries.Collect()).Combine(timeouts.Collect()).Combine(handlers.Collect()), static (_, _) => { });
        }
    }
#pragma warning restore RS1036, RS1041
}
