using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Generators.Analyzers;
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

            // The assembly's own service carries the in-app retries its code makes, recorded on its Sidecar for the mesh view.
            var inAppRetries = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => node is InvocationExpressionSyntax invocation && InAppRetryReader.IsCandidate(invocation),
                    static (ctx, ct) => InAppRetryReader.Read((InvocationExpressionSyntax)ctx.Node, ctx.SemanticModel, ct))
                .Where(static r => r is not null)
                .Select(static (r, _) => r!)
                .Collect()
                .Select(static (retries, _) => retries.ToEquatableArray())
                .WithTrackingName(TrackingNames.InAppRetries);
            services = services
                .Combine(inAppRetries)
                .Select(static (pair, _) => pair.Left.IsAssembly && pair.Right.Count > 0
                    ? pair.Left with { Spec = pair.Left.Spec with { InAppRetries = pair.Right } }
                    : pair.Left);

            // Controllers, actions and handler lambdas carrying [Retry] or [Timeout]. A declaration with both attributes is read
            // once, by the [Retry] pipeline: both would read the same endpoints.
            var retryEndpoints = Endpoints(context, KnownNames.Retry, readElsewhere: null).WithTrackingName(TrackingNames.RetryEndpoints);
            var timeoutEndpoints = Endpoints(context, KnownNames.Timeout, readElsewhere: KnownNames.Retry).WithTrackingName(TrackingNames.TimeoutEndpoints);

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
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

            PlatformPipeline.Register(context, options);
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
