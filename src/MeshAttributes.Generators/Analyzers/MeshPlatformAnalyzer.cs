using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using MeshAttributes.Core.Rules.Platform;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// Reports the rules on <c>[assembly: MeshPlatform]</c> (<see cref="PlatformRules"/>) at the argument each concerns, and an
    /// <c>[InjectNamespace]</c> with no platform to belong to (MESH005). The platform is checked with <c>MeshIstioVersion</c> as the
    /// generator renders it, so an unusable value is reported at <c>[assembly: MeshPlatform]</c> (MESH009), as it is at each
    /// <c>[MeshService]</c>. The platform's findings are computed once per compilation
    /// and reported where the assembly attributes are written; MESH109, which needs every service of the project, at its end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MeshPlatformAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.Platform;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var session = new Session(start.Compilation, GeneratorOptions.From(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
                start.RegisterSyntaxNodeAction(session.AnalyzeAttributeList, SyntaxKind.AttributeList);
                start.RegisterSymbolAction(session.CollectService, SymbolKind.NamedType);
                start.RegisterCompilationEndAction(session.AnalyzeCompilationEnd);
            });
        }

        private sealed class Session
        {
            private readonly Compilation _compilation;
            private readonly Lazy<bool> _referencesAttributes;
            private readonly Lazy<(ImmutableArray<AttributeSite> Sites, PlatformSpec? Platform)> _assembly;
            private readonly Lazy<ImmutableArray<Diagnostic>> _diagnostics;
            private readonly ConcurrentQueue<(string Service, Location Location)> _servicesWithDependencies = new();

            public Session(Compilation compilation, GeneratorOptions options)
            {
                _compilation = compilation;
                _referencesAttributes = new Lazy<bool>(() => compilation.ReferencedAssemblyNames.Any(a => a.Name == KnownNames.Namespace), LazyThreadSafetyMode.ExecutionAndPublication);
                _assembly = new Lazy<(ImmutableArray<AttributeSite>, PlatformSpec?)>(
                    () =>
                    {
                        ImmutableArray<AttributeData> attributes = compilation.Assembly.GetAttributes();
                        // As the generator does (PlatformPipeline): MeshIstioVersion is the target, MeshPrometheusRuleLabels label the alerts.
                        PlatformSpec? platform = PlatformReader.Read(attributes) is { } read
                            ? read with { IstioVersion = options.IstioVersion, PrometheusRuleLabels = options.PrometheusRuleLabels }
                            : null;
                        return (AttributeSite.Of(attributes), platform);
                    },
                    LazyThreadSafetyMode.ExecutionAndPublication);
                _diagnostics = new Lazy<ImmutableArray<Diagnostic>>(() => Analyze(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public void AnalyzeAttributeList(SyntaxNodeAnalysisContext context)
            {
                var list = (AttributeListSyntax)context.Node;
                if (list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) != true || !_referencesAttributes.Value)
                {
                    return;
                }

                foreach (Diagnostic diagnostic in _diagnostics.Value)
                {
                    if (diagnostic.Location.SourceTree == list.SyntaxTree && list.Span.Contains(diagnostic.Location.SourceSpan))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }

            // A class-declared service of this project with dependencies: what MESH109 weighs against ALLOW_ANY.
            public void CollectService(SymbolAnalysisContext context)
            {
                if (!_referencesAttributes.Value || _assembly.Value.Platform is null)
                {
                    return;
                }

                ImmutableArray<AttributeData> attributes = context.Symbol.GetAttributes();
                if (attributes.Any(a => a.Is(KnownNames.DependsOn)) && attributes.FirstOrDefault(a => a.Is(KnownNames.MeshService)) is { } service)
                {
                    _servicesWithDependencies.Enqueue((service.CtorString(0) ?? context.Symbol.Name, context.Symbol.Locations[0]));
                }
            }

            public void AnalyzeCompilationEnd(CompilationAnalysisContext context)
            {
                if (!_referencesAttributes.Value || _assembly.Value.Platform is not { } platform)
                {
                    return;
                }

                var services = _servicesWithDependencies.OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(s => s.Location.SourceSpan.Start)
                    .Select(s => s.Service).ToList();
                ImmutableArray<AttributeData> assemblyAttributes = _compilation.Assembly.GetAttributes();
                if (assemblyAttributes.Any(a => a.Is(KnownNames.DependsOn)) && assemblyAttributes.FirstOrDefault(a => a.Is(KnownNames.MeshService)) is { } own)
                {
                    services.Insert(0, own.CtorString(0) ?? _compilation.AssemblyName ?? "this project");
                }

                foreach (Finding finding in PlatformRules.Evaluate(platform, services).Where(f => f.Id == RuleIds.AllowAnyWithDependencies))
                {
                    if (Locate(finding, context.CancellationToken) is { } location)
                    {
                        context.ReportDiagnostic(Create(finding, location));
                    }
                }
            }

            private ImmutableArray<Diagnostic> Analyze(CancellationToken cancellationToken)
            {
                var (sites, platform) = _assembly.Value;
                var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
                if (platform is null)
                {
                    foreach (AttributeSite orphan in sites.Where(s => s.Is(KnownNames.InjectNamespace)))
                    {
                        if (AttributeLocator.Locate(orphan, null, cancellationToken) is { } location)
                        {
                            diagnostics.Add(Diagnostic.Create(
                                Descriptors.ServiceScope,
                                location,
                                "[assembly: InjectNamespace] has no [assembly: MeshPlatform] to belong to, so no Namespace manifest is written for it; add [assembly: MeshPlatform] to make this project the platform project"));
                        }
                    }

                    return diagnostics.ToImmutable();
                }

                foreach (Finding finding in PlatformRules.Evaluate(platform, Array.Empty<string>()))
                {
                    if (finding.Id != RuleIds.AllowAnyWithDependencies && Locate(finding, cancellationToken) is { } location)
                    {
                        diagnostics.Add(Create(finding, location));
                    }
                }

                return diagnostics.ToImmutable();
            }

            // The finding's values for a fix (the corrected value) travel as the diagnostic's properties.
            private static Diagnostic Create(Finding finding, Location location) =>
                Diagnostic.Create(Descriptors.ForId(finding.Id), location, finding.Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value), finding.Message);

            // The argument a finding concerns, else its attribute; null for attributes from metadata.
            private Location? Locate(Finding finding, CancellationToken cancellationToken) =>
                AttributeLocator.Find(_assembly.Value.Sites, finding.Target.Attribute, finding.Target.Item ?? 0) is { } site
                    ? AttributeLocator.Locate(site, finding.Target.Property, cancellationToken)
                    : null;
        }
    }
}
