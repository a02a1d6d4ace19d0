using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Resources.Platform;
using MeshAttributes.Generators.FrontEnd;
using MeshAttributes.Generators.Guard;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// The generator's pipeline for <c>[assembly: MeshPlatform]</c>: the platform's model, rendered into <c>platform/</c>'s files
    /// by Core's <see cref="PlatformRenderer"/> and carried out as <c>[assembly: MeshManifest]</c> attributes, like a service's.
    /// It follows the MSBuild properties a service's output follows (<c>MeshIstioVersion</c>, <c>MeshPrometheusRuleLabels</c>),
    /// taking only those two from the options, so a change to any other property or to a service leaves it cached. Every step
    /// runs under <see cref="GeneratorGuard"/>: an exception of its own is MESH900 and a refusal of <c>platform/</c>'s files.
    /// </summary>
    internal static class PlatformPipeline
    {
        /// <summary>The generated file's hint name; distinct from every service's (<c>MeshManifests.&lt;service&gt;.g.cs</c>).</summary>
        public const string HintName = "MeshPlatform.g.cs";

        public static void Register(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<GeneratorOptions> options)
        {
            var platform = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    KnownNames.MeshPlatform,
                    static (node, _) => node is CompilationUnitSyntax,
                    static (ctx, ct) => GeneratorGuard.Run(GeneratorGuard.ReadingPlatform, ctx.TargetSymbol, static (symbol, _) => PlatformReader.Read(symbol.GetAttributes()), ct))
                .Where(static p => p.Value is not null || p.Failure is not null)
                .Collect()
                .Select(static (all, _) => GeneratorGuard.ReadPlatform(all))
                .Combine(options.Select(static (o, _) => (o.IstioVersion, o.PrometheusRuleLabels)))
                .Select(static (input, _) => input.Left.Value is null
                    ? input.Left
                    : input.Left with { Value = input.Left.Value with { IstioVersion = input.Right.IstioVersion, PrometheusRuleLabels = input.Right.PrometheusRuleLabels } })
                .WithTrackingName(TrackingNames.Platform);

            var rendered = platform
                .Select(static (spec, ct) => GeneratorGuard.RenderPlatform(spec, ct))
                .WithTrackingName(TrackingNames.PlatformRendered);

            context.RegisterSourceOutput(rendered, static (spc, files) => GeneratorGuard.EmitPlatform(spc, files, HintName));
        }
    }
}
