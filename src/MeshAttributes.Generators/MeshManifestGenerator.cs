using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Generators.Analyzers;
using MeshAttributes.Generators.FrontEnd;
using MeshAttributes.Generators.Guard;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// Turns mesh attributes into manifests carried by <c>[assembly: MeshManifest]</c> attributes. Every step
    /// yields an equatable model with no Roslyn objects, so an edit that changes no declaration regenerates
    /// nothing, and an edit to one service re-renders that service alone. It reports no diagnostics (the analyzers
    /// do, from the same rules) but one: every step runs under <see cref="GeneratorGuard"/>, so an exception of its own
    /// becomes error MESH900 and a refusal of the service's files (or the platform's) instead of a silent CS8785.
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
                    static (ctx, ct) => GeneratorGuard.Run(GeneratorGuard.ReadingService, ctx.TargetSymbol, static (symbol, _) => ServiceReader.Read(symbol) is { } spec ? new DeclaredService(spec, symbol is IAssemblySymbol) : null, ct))
                .Where(static s => s.Value is not null || s.Failure is not null)
                .WithTrackingName(TrackingNames.Services);

            // The assembly's own service carries the in-app retries its code makes, recorded on its Sidecar for the mesh view.
            var inAppRetries = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => node is InvocationExpressionSyntax invocation && InAppRetryReader.IsCandidate(invocation),
                    static (ctx, ct) => GeneratorGuard.Run(GeneratorGuard.ReadingInAppRetries, ctx, static (c, t) => InAppRetryReader.Read((InvocationExpressionSyntax)c.Node, c.SemanticModel, t), ct))
                .Where(static r => r.Value is not null || r.Failure is not null)
                .Collect()
                .Select(static (retries, _) => GeneratorGuard.Join(retries))
                .WithTrackingName(TrackingNames.InAppRetries);

            // Every endpoint of the project, with or without a policy of its own: an endpoint without one still needs a route
            // when a less specific endpoint's route would otherwise take its requests (VirtualServiceBuilder).
            var actions = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => EndpointReader.IsControllerCandidate(node),
                    static (ctx, ct) => GeneratorGuard.Run(GeneratorGuard.ReadingEndpoints, ctx, static (c, t) => c.SemanticModel.GetDeclaredSymbol(c.Node, t) is INamedTypeSymbol type
                        ? EndpointReader.ReadController(type, c.Node, AspNetSymbols.For(c.SemanticModel.Compilation)).ToEquatableArray()
                        : EquatableArray<EndpointSpec>.Empty, ct))
                .Where(static e => e.Value.Count > 0 || e.Failure is not null)
                .WithTrackingName(TrackingNames.ActionEndpoints);
            var handlers = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => EndpointReader.IsMapCandidate(node),
                    static (ctx, ct) => GeneratorGuard.Run(GeneratorGuard.ReadingEndpoints, ctx, static (c, t) => c.SemanticModel.GetOperation(c.Node, t) is IInvocationOperation map
                        && EndpointReader.ReadMap(map, AspNetSymbols.For(c.SemanticModel.Compilation)).Endpoint is { } endpoint
                        ? EquatableArray.Create(endpoint)
                        : EquatableArray<EndpointSpec>.Empty, ct))
                .Where(static e => e.Value.Count > 0 || e.Failure is not null)
                .WithTrackingName(TrackingNames.HandlerEndpoints);

            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => GeneratorOptions.From(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.Options);

            var models = services.Collect()
                .Combine(inAppRetries)
                .Combine(actions.Collect().Combine(handlers.Collect()))
                .Combine(options)
                .SelectMany(static (input, ct) => GeneratorGuard.BuildModels(
                    input.Left.Left.Left,
                    input.Left.Left.Right,
                    input.Left.Right.Left.AddRange(input.Left.Right.Right),
                    input.Right,
                    ct))
                .WithTrackingName(TrackingNames.ServiceModels);

            var rendered = models
                .Select(static (model, ct) => GeneratorGuard.Render(model, ct))
                .WithTrackingName(TrackingNames.Rendered);

            context.RegisterSourceOutput(rendered, static (spc, service) => GeneratorGuard.Emit(spc, service));

            PlatformPipeline.Register(context, options);
        }
    }
}
