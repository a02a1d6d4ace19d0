using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Generators.Emit;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// Turns mesh attributes into manifests carried by <c>[assembly: MeshManifest]</c> attributes. Every step
    /// yields an equatable model with no Roslyn objects, so an edit that changes no declaration regenerates
    /// nothing, and an edit to one service re-renders that service alone. It reports no diagnostics: the
    /// analyzers do, from the same rules.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class MeshManifestGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var services = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.MeshService,
                    static (node, _) => node is CompilationUnitSyntax or ClassDeclarationSyntax,
                    static (ctx, _) => ServiceReader.Read(ctx.TargetSymbol) is { } spec ? new DeclaredService(spec, ctx.TargetSymbol is IAssemblySymbol) : null)
                .Where(static s => s is not null)
                .Select(static (s, _) => s!)
                .WithTrackingName(TrackingNames.Services);

            // Controllers, actions and handler lambdas carrying [Retry] or [Timeout]. A declaration with both attributes is read
            // once, by the [Retry] pipeline: both would read the same endpoints.
            var retryEndpoints = Endpoints(context, KnownNames.Retry, readElsewhere: null).WithTrackingName(TrackingNames.RetryEndpoints);
            var timeoutEndpoints = Endpoints(context, KnownNames.Timeout, readElsewhere: KnownNames.Retry).WithTrackingName(TrackingNames.TimeoutEndpoints);

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => new GeneratorOptions(MeshNamespace.Read(provider.GlobalOptions)))
                .WithTrackingName(TrackingNames.Options);

            var models = services.Collect()
                .Combine(retryEndpoints.Collect().Combine(timeoutEndpoints.Collect()))
                .Combine(options)
                .SelectMany(static (input, _) => ServiceModelBuilder.Build(
                    input.Left.Left,
                    input.Left.Right.Left.AddRange(input.Left.Right.Right),
                    input.Right))
                .WithTrackingName(TrackingNames.ServiceModels);

            var rendered = models
                .Select(static (model, _) => model.DuplicateError is null
                    ? ServiceRenderer.Render(model.Spec)
                    : ServiceRenderer.Render(model.Spec, model.FrontEndErrors))
                .WithTrackingName(TrackingNames.Rendered);

            context.RegisterSourceOutput(rendered, static (spc, service) =>
                spc.AddSource(ManifestSourceWriter.HintName(service), ManifestSourceWriter.Write(service)));
        }

        // The endpoints of the declarations carrying attribute, but for those also carrying readElsewhere, which its own
        // pipeline reads.
        private static IncrementalValuesProvider<EquatableArray<EndpointSpec>> Endpoints(IncrementalGeneratorInitializationContext context, string attribute, string? readElsewhere) =>
            context.SyntaxProvider.ForAttributeWithMetadataName(
                attribute,
                static (node, _) => EndpointReader.IsEndpointCandidate(node),
                (ctx, ct) => readElsewhere is not null && EndpointReader.HasAttribute(ctx.TargetSymbol, readElsewhere)
                    ? EquatableArray<EndpointSpec>.Empty
                    : EndpointReader.Read(ctx.TargetSymbol, ctx.TargetNode, ctx.SemanticModel, ct).ToEquatableArray());
    }
}
