using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Resources.Platform;
using MeshAttributes.Generators.Emit;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// The generator's pipeline for <c>[assembly: MeshPlatform]</c>: the platform's model, rendered into <c>platform/</c>'s files
    /// by Core's <see cref="PlatformRenderer"/> and carried out as <c>[assembly: MeshManifest]</c> attributes, like a service's.
    /// It follows the MSBuild properties a service's output follows (<c>MeshIstioVersion</c>, <c>MeshPrometheusRuleLabels</c>),
    /// taking only those two from the options, so a change to any other property or to a service leaves it cached.
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
                    static (ctx, _) => PlatformReader.Read(ctx.TargetSymbol.GetAttributes()))
                .Where(static p => p is not null)
                .Select(static (p, _) => p!)
                .Collect()
                // One per assembly: the attribute allows one, and a second is the compiler's error (CS0579), not a second output.
                .Select(static (all, _) => all.IsEmpty ? null : all[0])
                .Combine(options.Select(static (o, _) => (o.IstioVersion, o.PrometheusRuleLabels)))
                .Select(static (input, _) => input.Left is null
                    ? null
                    : input.Left with { IstioVersion = input.Right.IstioVersion, PrometheusRuleLabels = input.Right.PrometheusRuleLabels })
                .WithTrackingName(TrackingNames.Platform);

            var rendered = platform
                .Select(static (spec, _) => spec is null ? null : PlatformRenderer.Render(spec))
                .WithTrackingName(TrackingNames.PlatformRendered);

            context.RegisterSourceOutput(rendered, static (spc, files) =>
            {
                if (files is not null)
                {
                    spc.AddSource(HintName, ManifestSourceWriter.Write(files));
                }
            });
        }
    }
}
