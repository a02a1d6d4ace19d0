using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// One compilation's analysis. It reads declarations with the generator's own readers (ServiceReader, EndpointReader) so
    /// analyzer and generator see the same model, and runs the Core rules on it. The service's own findings are computed once
    /// (<see cref="PolicyRules.EvaluateService"/>); each endpoint is checked where it is declared with the rules' endpoint parts
    /// alone (<see cref="PolicyRules.EvaluateEndpoint"/>: an endpoint's findings depend only on the service and that endpoint),
    /// so editing one file re-checks that file and nothing of the service is checked again per endpoint. Minimal-API handlers are
    /// read from the operations the compiler has bound (<see cref="AnalyzeInvocation"/>); a handler with mesh attributes whose
    /// route cannot be known is reported (MESH300). The project's <c>[MeshService]</c> classes are listed once, when first
    /// needed, so that a service declared twice is reported live at each declaration; only stacked in-app retries need the
    /// whole compilation's calls and are reported at its end.
    /// </summary>
    internal sealed class AnalysisSession
    {
        private static readonly string[] ServicePolicies =
        {
            KnownNames.CircuitBreaker, KnownNames.ConnectionPool, KnownNames.LoadBalancer, KnownNames.RetryBudget, KnownNames.MutualTls,
            KnownNames.DependsOn, KnownNames.AllowCaller, KnownNames.Alerting, KnownNames.Retry, KnownNames.Timeout,
            KnownNames.OutboundTrafficPolicy,
        };

        private static readonly string[] EndpointPolicies = { KnownNames.Retry, KnownNames.Timeout, KnownNames.Idempotent };

        private const string NotRoutedConsequence = "Until then its attributes make no route of their own, and the service's default route applies to it";

        private readonly Compilation _compilation;
        private readonly GeneratorOptions _options;
        private readonly Lazy<bool> _referencesAttributes;
        private readonly Lazy<AssemblyPolicy> _assemblyPolicy;
        private readonly Lazy<ImmutableArray<Diagnostic>> _assemblyDiagnostics;
        private readonly Lazy<ImmutableArray<DeclaredClassService>> _classServices;
        private readonly ConcurrentQueue<EndpointSpec> _endpoints = new();
        private readonly ConcurrentQueue<(InAppRetrySpec Spec, Location Location)> _clients = new();

        public AnalysisSession(Compilation compilation, GeneratorOptions options)
        {
            _compilation = compilation;
            _options = options;

            // By assembly name: GetTypeByMetadataName would make Roslyn open the namespaces of every referenced assembly.
            _referencesAttributes = new Lazy<bool>(
                () => compilation.ReferencedAssemblyNames.Any(a => a.Name == KnownNames.Namespace),
                LazyThreadSafetyMode.ExecutionAndPublication);

            // Read when first needed, not in the compilation-start action: a type, method or call with no mesh attribute never
            // needs it, and the compiler binds the assembly's attributes in its own time.
            _assemblyPolicy = new Lazy<AssemblyPolicy>(
                () =>
                {
                    ImmutableArray<AttributeData> attributes = compilation.Assembly.GetAttributes();
                    return new AssemblyPolicy(AttributeSite.Of(attributes), WithDefaults(ServiceReader.Read(attributes)));
                },
                LazyThreadSafetyMode.ExecutionAndPublication);
            _assemblyDiagnostics = new Lazy<ImmutableArray<Diagnostic>>(() => AnalyzeAssembly(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
            _classServices = new Lazy<ImmutableArray<DeclaredClassService>>(() => ClassServices(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Where the assembly's mesh attributes are written.</summary>
        public ImmutableArray<AttributeSite> AssemblySites => _assemblyPolicy.Value.Sites;

        /// <summary>The assembly's own service, which every endpoint of the project belongs to; null without <c>[assembly: MeshService]</c>.</summary>
        public ServiceSpec? AssemblyService => _assemblyPolicy.Value.Service;

        public void AnalyzeAttributeList(SyntaxNodeAnalysisContext context)
        {
            if (!_referencesAttributes.Value)
            {
                return;
            }

            var list = (AttributeListSyntax)context.Node;
            if (!list.Target.IsKind(SyntaxKind.None) && list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true)
            {
                foreach (Diagnostic diagnostic in _assemblyDiagnostics.Value)
                {
                    if (diagnostic.Location.SourceTree == list.SyntaxTree && list.Span.Contains(diagnostic.Location.SourceSpan))
                    {
                        context.ReportDiagnostic(diagnostic);
                    }
                }
            }
        }

        public void AnalyzeType(SymbolAnalysisContext context)
        {
            if (!_referencesAttributes.Value)
            {
                return;
            }

            var type = (INamedTypeSymbol)context.Symbol;
            ImmutableArray<AttributeData> attributes = type.GetAttributes();
            ImmutableArray<AttributeSite> sites = AttributeSite.Of(attributes);
            if (AttributeLocator.Find(sites, "MeshService") is { } declaration)
            {
                ServiceSpec spec = WithDefaults(ServiceReader.Read(attributes))!;
                Location location = AttributeLocator.Locate(declaration, "Name", context.CancellationToken) ?? type.Locations[0];
                var owner = new PolicyOwner(ImmutableArray.Create(sites), location);
                foreach (Finding finding in PolicyRules.Evaluate(spec))
                {
                    context.ReportDiagnostic(FindingReporter.ToDiagnostic(finding, owner, context.CancellationToken));
                }

                if (Declarations(spec.Name) is int count and > 1)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.ServiceScope, location, DuplicateServiceRule.Finding(spec.Name, count).Message));
                }

                return;
            }

            foreach (AttributeSite attribute in sites)
            {
                bool endpointLevel = attribute.Is(KnownNames.Retry) || attribute.Is(KnownNames.Timeout);
                if (ServicePolicies.Any(attribute.Is) && (!endpointLevel || AssemblyService is null))
                {
                    string shortName = attribute.ShortName;
                    string message = endpointLevel
                        ? $"[{shortName}] on {type.Name} applies to its endpoints, which belong to the project's own service, but the project declares no [assembly: MeshService]: no manifest carries it; add [assembly: MeshService(\"<service-name>\")]"
                        : $"[{shortName}] on class {type.Name} has no [MeshService] on the same class, so it belongs to no service and no manifest carries it; add [MeshService(\"<service-name>\")] to {type.Name}, or move the attribute to the assembly's service ([assembly: {shortName}(...)])";
                    Report(context.ReportDiagnostic, attribute, message, type.Locations[0], context.CancellationToken);
                }
            }
        }

        public void AnalyzeMethod(SymbolAnalysisContext context)
        {
            var method = (IMethodSymbol)context.Symbol;
            if (method.MethodKind != MethodKind.Ordinary || !_referencesAttributes.Value)
            {
                return;
            }

            AspNetSymbols symbols = AspNetSymbols.For(context.Compilation);
            ImmutableArray<EndpointSpec> endpoints = EndpointReader.ReadAction(method, symbols);
            if (endpoints.IsEmpty)
            {
                if (AttributeSite.Of(method.GetAttributes()).FirstOrDefault(s => EndpointPolicies.Any(s.Is)) is { } policy
                    && EndpointReader.ActionNotRouted(method, symbols) is { } reason)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EndpointNotRouted,
                        method.Locations[0],
                        $"Endpoint not routed: action {method.ContainingType.Name}.{method.Name} carries [{policy.ShortName}], but {reason}. {NotRoutedConsequence}"));
                }

                return;
            }

            List<Diagnostic>? diagnostics = AnalyzeEndpoints(
                endpoints,
                () => new PolicyOwner(
                    ImmutableArray.Create(AttributeSite.Of(method.GetAttributes()), AttributeSite.Of(method.ContainingType.GetAttributes()), AssemblySites),
                    method.Locations[0]),
                context.CancellationToken);
            foreach (Diagnostic diagnostic in diagnostics ?? Enumerable.Empty<Diagnostic>())
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            if (!_referencesAttributes.Value)
            {
                return;
            }

            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax && InAppRetryReader.IsCandidate(syntax))
            {
                if (InAppRetryReader.Read(syntax, invocation.SemanticModel!, context.CancellationToken) is { } client)
                {
                    _clients.Enqueue((client, access.Name.GetLocation()));
                }

                return;
            }

            AspNetSymbols symbols = AspNetSymbols.For(context.Compilation);
            if (!symbols.IsMapMethod(invocation.TargetMethod, out string? verb))
            {
                return;
            }

            // A handler without attributes of its own has a finding only when the service's [Retry] can replay a POST or PATCH
            // it may answer (MESH100); otherwise it is not read.
            ImmutableArray<AttributeSite> sites = AttributeSite.Of(EndpointReader.HandlerAttributes(invocation));
            bool mayAnswerNonIdempotent = verb is null or "POST" or "PATCH";
            if (sites.IsEmpty && !(mayAnswerNonIdempotent && _assemblyPolicy.Value.RetryCanReplay))
            {
                return;
            }

            Location location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax name } ? name.Name.GetLocation() : invocation.Syntax.GetLocation();
            HandlerReading reading = EndpointReader.ReadMap(invocation, symbols);
            if (reading.Endpoint is not { } endpoint)
            {
                if (reading.NotRouted is { } reason && sites.FirstOrDefault(s => EndpointPolicies.Any(s.Is)) is { } policy)
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.EndpointNotRouted,
                        location,
                        $"Endpoint not routed: the handler {invocation.TargetMethod.Name} maps carries [{policy.ShortName}], but {reason}. {NotRoutedConsequence}"));
                }

                return;
            }

            List<Diagnostic>? diagnostics = AnalyzeEndpoints(
                ImmutableArray.Create(endpoint),
                () => new PolicyOwner(ImmutableArray.Create(sites, AssemblySites), location),
                context.CancellationToken);
            foreach (Diagnostic diagnostic in diagnostics ?? Enumerable.Empty<Diagnostic>())
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        public void AnalyzeCompilationEnd(CompilationAnalysisContext context)
        {
            if (!_referencesAttributes.Value)
            {
                return;
            }

            if (_clients.IsEmpty)
            {
                return;
            }

            var clients = _clients.OrderBy(c => c.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(c => c.Location.SourceSpan.Start).ToList();
            ServiceSpec? caller = AssemblyService is null ? null : AssemblyService with { Endpoints = _endpoints.ToEquatableArray() };
            var services = _classServices.Value.Select(d => d.Spec).Where(s => caller is null || s.Name != caller.Name).ToList();
            if (caller is not null)
            {
                services.Insert(0, caller);
            }

            foreach (Finding finding in StackedRetriesRule.Check(caller, services, clients.Select(c => c.Spec).ToList()))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.StackedRetries, clients[finding.Target.Item!.Value].Location, finding.Message));
            }
        }

        // The diagnostics on one declaration's endpoints. Its owner (where its attributes are written) is made only for a
        // diagnostic: the analyzer checks every endpoint of the project, and nearly all have none.
        private List<Diagnostic>? AnalyzeEndpoints(ImmutableArray<EndpointSpec> endpoints, Func<PolicyOwner> owner, CancellationToken cancellationToken)
        {
            List<Diagnostic>? diagnostics = null;
            if (AssemblyService is null)
            {
                PolicyOwner declaration = owner();
                foreach (AttributeSite attribute in declaration.Levels[0].Where(a => EndpointPolicies.Any(a.Is)))
                {
                    string shortName = attribute.ShortName;
                    Report(
                        diagnostic => (diagnostics ??= new List<Diagnostic>()).Add(diagnostic),
                        attribute,
                        $"[{shortName}] on endpoint {endpoints[0].DisplayName} belongs to the project's own service, but the project declares no [assembly: MeshService]: no manifest carries it; add [assembly: MeshService(\"<service-name>\")]",
                        declaration.Fallback,
                        cancellationToken);
                }

                return diagnostics;
            }

            PolicyOwner? located = null;
            HashSet<(string, TextSpanKey, string)>? seen = null;
            foreach (EndpointSpec endpoint in endpoints)
            {
                _endpoints.Enqueue(endpoint);
                foreach (Finding finding in PolicyRules.EvaluateEndpoint(AssemblyService, endpoint, 0))
                {
                    Diagnostic diagnostic = FindingReporter.ToDiagnostic(finding, located ??= owner(), cancellationToken);
                    if ((seen ??= new HashSet<(string, TextSpanKey, string)>()).Add((diagnostic.Id, new TextSpanKey(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length), diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))))
                    {
                        (diagnostics ??= new List<Diagnostic>()).Add(diagnostic);
                    }
                }
            }

            return diagnostics;
        }

        private ImmutableArray<Diagnostic> AnalyzeAssembly(CancellationToken cancellationToken)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
            if (AssemblyService is null)
            {
                foreach (AttributeSite attribute in AssemblySites.Where(a => ServicePolicies.Any(a.Is)))
                {
                    string shortName = attribute.ShortName;
                    if (AttributeLocator.Locate(attribute, null, cancellationToken) is { } location)
                    {
                        diagnostics.Add(Diagnostic.Create(
                            Descriptors.ServiceScope,
                            location,
                            $"[assembly: {shortName}] has no [assembly: MeshService] to belong to, so no manifest carries it; add [assembly: MeshService(\"<service-name>\")] to name the service this project is"));
                    }
                }

                return diagnostics.ToImmutable();
            }

            AttributeSite declaration = AttributeLocator.Find(AssemblySites, "MeshService")!;
            Location? fallback = AttributeLocator.Locate(declaration, null, cancellationToken);
            if (fallback is null)
            {
                return diagnostics.ToImmutable();
            }

            var owner = new PolicyOwner(ImmutableArray.Create(AssemblySites), fallback);
            foreach (Finding finding in PolicyRules.EvaluateService(AssemblyService))
            {
                diagnostics.Add(FindingReporter.ToDiagnostic(finding, owner, cancellationToken));
            }

            if (Declarations(AssemblyService.Name) is int count and > 1)
            {
                diagnostics.Add(Diagnostic.Create(
                    Descriptors.ServiceScope,
                    AttributeLocator.Locate(declaration, "Name", cancellationToken) ?? fallback,
                    DuplicateServiceRule.Finding(AssemblyService.Name, count).Message));
            }

            return diagnostics.ToImmutable();
        }

        // How many [MeshService] of the project, the assembly's and its classes', declare the service named name.
        private int Declarations(string name) =>
            _classServices.Value.Count(s => s.Spec.Name == name) + (AssemblyService?.Name == name ? 1 : 0);

        // The project's [MeshService] classes, in source order: listed once, when a service is first checked for duplicates.
        private ImmutableArray<DeclaredClassService> ClassServices(CancellationToken cancellationToken)
        {
            var services = new List<DeclaredClassService>();
            var namespaces = new Stack<INamespaceOrTypeSymbol>();
            namespaces.Push(_compilation.Assembly.GlobalNamespace);
            while (namespaces.Count > 0)
            {
                foreach (ISymbol member in namespaces.Pop().GetMembers())
                {
                    if (member is not INamespaceOrTypeSymbol container)
                    {
                        continue;
                    }

                    namespaces.Push(container);
                    ImmutableArray<AttributeData> attributes = member is INamedTypeSymbol ? member.GetAttributes() : ImmutableArray<AttributeData>.Empty;
                    if (attributes.Any(a => a.Is(KnownNames.MeshService)) && WithDefaults(ServiceReader.Read(attributes)) is { } spec)
                    {
                        Location location = AttributeSite.Of(attributes).FirstOrDefault(a => a.Is(KnownNames.MeshService)) is { } site
                            && AttributeLocator.Locate(site, "Name", cancellationToken) is { } name
                            ? name
                            : member.Locations[0];
                        services.Add(new DeclaredClassService(spec, location));
                    }
                }
            }

            return services
                .OrderBy(s => s.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(s => s.Location.SourceSpan.Start)
                .ToImmutableArray();
        }

        private static void Report(Action<Diagnostic> report, AttributeSite attribute, string message, Location fallback, CancellationToken cancellationToken) =>
            report(Diagnostic.Create(Descriptors.ServiceScope, AttributeLocator.Locate(attribute, null, cancellationToken) ?? fallback, message));

        // As the generator does (ServiceModelBuilder).
        private ServiceSpec? WithDefaults(ServiceSpec? spec) => spec is null ? null : _options.ApplyTo(spec);

        private readonly record struct DeclaredClassService(ServiceSpec Spec, Location Location);

        private readonly record struct TextSpanKey(int Start, int Length);

        private sealed class AssemblyPolicy
        {
            public AssemblyPolicy(ImmutableArray<AttributeSite> sites, ServiceSpec? service)
            {
                Sites = sites;
                Service = service;
                RetryCanReplay = service?.Retry is { Attempts: > 0 } retry
                    && (retry.RetryOn is string retryOn ? !RetryConditions.IsSafeForNonIdempotent(retryOn) : service.TargetIstio < IstioFeatures.DefaultRetryWithout503);
            }

            public ImmutableArray<AttributeSite> Sites { get; }

            public ServiceSpec? Service { get; }

            // Whether the service's own [Retry] can replay a processed request: the one way (MESH100) a handler without
            // attributes of its own has a finding. Otherwise such handlers are skipped unbound, since reading one costs
            // binding its attributes and the names around its Map* call.
            public bool RetryCanReplay { get; }
        }
    }
}
