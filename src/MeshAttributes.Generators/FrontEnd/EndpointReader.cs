using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Finds the HTTP method(s) and full route template of ASP.NET Core endpoints: controller actions
    /// (<c>[HttpGet("{id}")]</c>, <c>[AcceptVerbs]</c>, <c>[Route]</c> on the action and its controller, with
    /// <c>[controller]</c>/<c>[action]</c>/<c>[area]</c> tokens) and minimal-API handlers
    /// (<c>MapGet/MapPost/MapPut/MapDelete/MapPatch/MapMethods/Map</c>, with <c>MapGroup</c> prefixes followed
    /// through fluent calls and local variables). An endpoint whose route cannot be known at compile time
    /// (conventional routing, a group builder passed in as a parameter) is left out rather than guessed.
    /// </summary>
    internal static class EndpointReader
    {
        private const int MaxGroupDepth = 32;

        private static readonly Dictionary<string, string> MapMethods = new(StringComparer.Ordinal)
        {
            ["MapGet"] = "GET",
            ["MapPost"] = "POST",
            ["MapPut"] = "PUT",
            ["MapDelete"] = "DELETE",
            ["MapPatch"] = "PATCH",
            ["MapMethods"] = string.Empty,
            ["Map"] = string.Empty,
        };

        /// <summary>The endpoints a <c>[Retry]</c>/<c>[Timeout]</c> target stands for: one action, or a controller's actions (handlers: <see cref="ReadHandler(AnonymousFunctionExpressionSyntax, SemanticModel, CancellationToken)"/>).</summary>
        public static ImmutableArray<EndpointSpec> Read(ISymbol symbol)
        {
            switch (symbol)
            {
                case INamedTypeSymbol type when !HasAttribute(type, KnownNames.MeshService):
                    return type.GetMembers().OfType<IMethodSymbol>().SelectMany(m => ReadAction(m)).ToImmutableArray();
                case IMethodSymbol method:
                    return ReadAction(method);
                default:
                    return ImmutableArray<EndpointSpec>.Empty;
            }
        }

        /// <summary>Whether <paramref name="name"/> is a minimal-API method that maps a handler (MapGet … MapMethods, Map).</summary>
        public static bool IsMapMethod(string name) => MapMethods.ContainsKey(name);

        /// <summary>The HTTP method a minimal-API method maps by its name: <c>MapPost</c> → <c>POST</c>; empty for <c>MapMethods</c> and <c>Map</c>.</summary>
        public static bool TryGetMapVerb(string name, out string verb) => MapMethods.TryGetValue(name, out verb!);

        /// <summary>The one-verb method list of a MapGet … MapPatch handler, shared by every handler of that verb.</summary>
        public static EquatableArray<string> Verb(string verb) => SingleVerbs.TryGetValue(verb, out EquatableArray<string> shared) ? shared : EquatableArray.Create(verb);

        private static readonly Dictionary<string, EquatableArray<string>> SingleVerbs = new(StringComparer.Ordinal)
        {
            ["GET"] = EquatableArray.Create("GET"),
            ["POST"] = EquatableArray.Create("POST"),
            ["PUT"] = EquatableArray.Create("PUT"),
            ["DELETE"] = EquatableArray.Create("DELETE"),
            ["PATCH"] = EquatableArray.Create("PATCH"),
        };

        /// <summary>Whether a handler mapped by <paramref name="name"/> may answer POST or PATCH (by the name alone).</summary>
        public static bool MayMapNonIdempotent(string name) => name is "MapPost" or "MapPatch" or "MapMethods" or "Map";

        /// <summary>
        /// Whether <paramref name="node"/> is a declaration that can carry an endpoint-level attribute (the syntax-only
        /// filter of the per-attribute pipelines). Handlers have their own pipeline: see <see cref="IsHandlerCandidate"/>.
        /// </summary>
        public static bool IsEndpointCandidate(SyntaxNode node) =>
            node is MethodDeclarationSyntax or ClassDeclarationSyntax;

        /// <summary>
        /// Whether <paramref name="node"/> can be a minimal-API handler with attributes: a lambda with an attribute list passed
        /// as an argument, the syntactic shape <c>ReadHandler</c> requires anyway.
        /// </summary>
        public static bool IsHandlerCandidate(SyntaxNode node) =>
            node is LambdaExpressionSyntax { AttributeLists.Count: > 0, Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } };

        /// <summary>
        /// The endpoint a <see cref="IsHandlerCandidate"/> lambda stands for, when it has a route of its own (<c>[Retry]</c> or
        /// <c>[Timeout]</c>): what the generator keeps of <see cref="ReadHandler(AnonymousFunctionExpressionSyntax, SemanticModel, CancellationToken)"/>.
        /// </summary>
        public static ImmutableArray<EndpointSpec> ReadAttributedHandler(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
            ReadHandler((AnonymousFunctionExpressionSyntax)node, model, cancellationToken) is { Endpoint: { HasOwnRoute: true } endpoint }
                ? ImmutableArray.Create(endpoint)
                : ImmutableArray<EndpointSpec>.Empty;

        /// <summary>
        /// The endpoint a minimal-API handler stands for, and where its own mesh attributes are written: read by
        /// <see cref="HandlerReader"/> without binding the method around it, or, for the shapes it leaves undecided, from the
        /// lambda's symbol (which binds that method). Null when the handler is no endpoint whose route is known.
        /// </summary>
        public static (EndpointSpec Endpoint, ImmutableArray<AttributeSite> Sites)? ReadHandler(
            AnonymousFunctionExpressionSyntax handler, SemanticModel model, CancellationToken cancellationToken)
        {
            HandlerReader.Reading reading = HandlerReader.Read(handler, model, cancellationToken);
            if (reading.Decided)
            {
                return reading.Endpoint is { } decided ? (decided, reading.Attributes) : null;
            }

            return model.GetSymbolInfo(handler, cancellationToken).Symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda
                && ReadHandler(lambda, handler, model, cancellationToken) is { } endpoint
                ? (endpoint, AttributeSite.Of(lambda.GetAttributes()))
                : null;
        }

        /// <summary>The endpoints a controller action maps (one per route template); empty for a method that is no action.</summary>
        public static ImmutableArray<EndpointSpec> ReadAction(IMethodSymbol method)
        {
            // Called for every method of the compilation by the analyzer: most are no action and allocate nothing here.
            INamedTypeSymbol type = method.ContainingType;
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || type.IsAbstract || HasAttribute(type, KnownNames.MeshService) || HasAttributeNamed(method, "NonActionAttribute"))
            {
                return ImmutableArray<EndpointSpec>.Empty;
            }

            ImmutableArray<AttributeData> own = method.GetAttributes();
            List<(string? Template, List<string>? Verbs)>? routes = null;
            List<string>? verbsWithoutTemplate = null;
            foreach (AttributeData a in own)
            {
                if (a.AttributeClass is not { } attributeType || !IsWithinMvc(attributeType.ContainingNamespace))
                {
                    continue;
                }

                string name = attributeType.Name;
                if (name.StartsWith("Http", StringComparison.Ordinal) && name.EndsWith("Attribute", StringComparison.Ordinal) && InheritsHttpMethodAttribute(attributeType))
                {
                    string verb = name.Substring(4, name.Length - 4 - "Attribute".Length).ToUpperInvariant();
                    if (a.CtorString(0) is string template)
                    {
                        (routes ??= new()).Add((template, new List<string> { verb }));
                    }
                    else
                    {
                        (verbsWithoutTemplate ??= new()).Add(verb);
                    }
                }
                else if (name == "AcceptVerbsAttribute")
                {
                    var verbs = a.ConstructorArguments.SelectMany(c => c.Kind == TypedConstantKind.Array ? c.Values : ImmutableArray.Create(c))
                        .Select(c => c.Value as string).Where(v => v is not null).Select(v => v!.ToUpperInvariant()).ToList();
                    if (a.NamedString("Route") is string template)
                    {
                        (routes ??= new()).Add((template, verbs));
                    }
                    else
                    {
                        (verbsWithoutTemplate ??= new()).AddRange(verbs);
                    }
                }
                else if (name == "RouteAttribute" && a.CtorString(0) is string routeTemplate)
                {
                    (routes ??= new()).Add((routeTemplate, null));
                }
            }

            IReadOnlyList<string> prefixes = ControllerRoutes(type);
            if (routes is null)
            {
                if (verbsWithoutTemplate is null && prefixes.Count == 0)
                {
                    return ImmutableArray<EndpointSpec>.Empty;
                }

                routes = new() { (null, verbsWithoutTemplate) };
            }

            ImmutableArray<AttributeData> inherited = type.GetAttributes();
            RetrySpec? retry = Find(own, KnownNames.Retry) is { } r ? ServiceReader.ReadRetry(r) : Find(inherited, KnownNames.Retry) is { } cr ? ServiceReader.ReadRetry(cr) : null;
            TimeoutSpec? timeout = Find(own, KnownNames.Timeout) is { } t ? ServiceReader.ReadTimeout(t) : Find(inherited, KnownNames.Timeout) is { } ct ? ServiceReader.ReadTimeout(ct) : null;
            bool idempotent = Find(own, KnownNames.Idempotent) is not null;
            string actionName = ActionName(method);
            string controllerName = type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Controller".Length) : type.Name;
            string? area = FindNamed(inherited, "AreaAttribute")?.CtorString(0);
            string displayName = $"{type.Name}.{method.Name}";

            var endpoints = ImmutableArray.CreateBuilder<EndpointSpec>();
            foreach (var (template, verbs) in routes)
            {
                EquatableArray<string> methods = Methods(verbs ?? verbsWithoutTemplate);
                if (template is not null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal)))
                {
                    endpoints.Add(Action(template));
                }
                else if (prefixes.Count == 0)
                {
                    if (template is not null)
                    {
                        endpoints.Add(Action(template));
                    }
                }
                else
                {
                    foreach (string prefix in prefixes)
                    {
                        endpoints.Add(Action(Combine(prefix, template)));
                    }
                }

                EndpointSpec Action(string full) =>
                    new(displayName, methods, Core.Resources.UriMatch.NormalizePath(ReplaceTokens(full, controllerName, actionName, area)), retry, timeout, idempotent);
            }

            return endpoints.ToImmutable();
        }

        // The distinct verbs in ordinal order; a single verb shares its list with every endpoint of that verb.
        private static EquatableArray<string> Methods(List<string>? verbs)
        {
            if (verbs is null || verbs.Count == 0)
            {
                return EquatableArray<string>.Empty;
            }

            return verbs.Count == 1 ? Verb(verbs[0]) : verbs.Distinct().OrderBy(v => v, StringComparer.Ordinal).ToEquatableArray();
        }

        internal static EndpointSpec? ReadHandler(IMethodSymbol lambda, SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            if (node.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || invocation.Expression is not MemberAccessExpressionSyntax access
                || !MapMethods.TryGetValue(access.Name.Identifier.ValueText, out string? verb)
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol map
                || !IsAspNetCore(map))
            {
                return null;
            }

            if (PatternOf(invocation, map, model, cancellationToken) is not string pattern
                || GroupPrefix(access.Expression, model, cancellationToken, 0) is not string prefix)
            {
                return null;
            }

            var methods = verb.Length > 0
                ? EquatableArray.Create(verb)
                : HttpMethodsOf(invocation, map, model, cancellationToken);
            if (methods is null)
            {
                return null;
            }

            ImmutableArray<AttributeData> attributes = lambda.GetAttributes();
            return new EndpointSpec(
                $"{map.Name}(\"{pattern}\")",
                methods.Value,
                Core.Resources.UriMatch.NormalizePath(Combine(prefix, pattern)),
                Find(attributes, KnownNames.Retry) is { } r ? ServiceReader.ReadRetry(r) : null,
                Find(attributes, KnownNames.Timeout) is { } t ? ServiceReader.ReadTimeout(t) : null,
                Find(attributes, KnownNames.Idempotent) is not null);
        }

        // The prefix contributed by the builder a Map* call is made on: "" for the application or any other
        // route builder that is not a group, the MapGroup patterns for a group (followed through fluent calls
        // and local variables), or null when a group comes from somewhere this file cannot see.
        private static string? GroupPrefix(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken, int depth)
        {
            if (depth > MaxGroupDepth)
            {
                return null;
            }

            // A local is followed to its initializer whatever type it is declared with: a group held as an
            // IEndpointRouteBuilder still prefixes the routes mapped on it.
            if (receiver is IdentifierNameSyntax && model.GetSymbolInfo(receiver, cancellationToken).Symbol is ILocalSymbol local)
            {
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                        && value.SyntaxTree == receiver.SyntaxTree)
                    {
                        return GroupPrefix(value, model, cancellationToken, depth + 1);
                    }
                }

                return null;
            }

            ITypeSymbol? type = model.GetTypeInfo(receiver, cancellationToken).Type;
            if (type is null)
            {
                return null;
            }

            if (!IsRouteGroup(type))
            {
                return string.Empty;
            }

            switch (receiver)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return GroupPrefix(parenthesized.Expression, model, cancellationToken, depth + 1);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } call
                    when model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method:
                    if (GroupPrefix(inner.Expression, model, cancellationToken, depth + 1) is not string outer)
                    {
                        return null;
                    }

                    if (method.Name == "MapGroup" && IsAspNetCore(method))
                    {
                        return PatternOf(call, method, model, cancellationToken) is string pattern ? Combine(outer, pattern) : null;
                    }

                    // Fluent configuration (WithTags, RequireAuthorization, ...) returns the group it was given.
                    return model.GetTypeInfo(inner.Expression, cancellationToken).Type is { } innerType && IsRouteGroup(innerType) ? outer : null;
                default:
                    return null;
            }
        }

        internal static bool IsRouteGroup(ITypeSymbol type) => type.Name == "RouteGroupBuilder";

        private static string? PatternOf(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax? argument = ArgumentFor(invocation, method, "pattern") ?? ArgumentFor(invocation, method, "prefix");
            return argument is null ? null : model.GetConstantValue(argument, cancellationToken) is { HasValue: true, Value: string s } ? s : null;
        }

        private static EquatableArray<string>? HttpMethodsOf(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            ExpressionSyntax? argument = ArgumentFor(invocation, method, "httpMethods");
            if (argument is null)
            {
                // Map(pattern, handler): any method.
                return method.Name == "Map" ? EquatableArray<string>.Empty : null;
            }

            IEnumerable<ExpressionSyntax>? elements = argument switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
                _ => null,
            };
            if (elements is null)
            {
                return null;
            }

            var verbs = new List<string>();
            foreach (ExpressionSyntax element in elements)
            {
                if (model.GetConstantValue(element, cancellationToken) is { HasValue: true, Value: string s })
                {
                    verbs.Add(s.ToUpperInvariant());
                }
                else if (element is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "HttpMethods" } } field)
                {
                    // HttpMethods.Post and friends are static readonly, not const.
                    verbs.Add(field.Name.Identifier.ValueText.ToUpperInvariant());
                }
                else
                {
                    return null;
                }
            }

            return verbs.Distinct().OrderBy(v => v, StringComparer.Ordinal).ToEquatableArray();
        }

        private static ExpressionSyntax? ArgumentFor(InvocationExpressionSyntax invocation, IMethodSymbol method, string parameterName)
        {
            var arguments = invocation.ArgumentList.Arguments;
            // Extension methods called in reduced form have the receiver as their first parameter.
            var parameters = method.ReducedFrom is { } reduced ? reduced.Parameters.Skip(1).ToList() : method.Parameters.ToList();
            for (int i = 0; i < arguments.Count; i++)
            {
                string? name = arguments[i].NameColon?.Name.Identifier.ValueText ?? (i < parameters.Count ? parameters[i].Name : null);
                if (name == parameterName)
                {
                    return arguments[i].Expression;
                }
            }

            return null;
        }

        private static IReadOnlyList<string> ControllerRoutes(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                List<string>? routes = null;
                foreach (AttributeData a in t.GetAttributes())
                {
                    if (a.AttributeClass is { Name: "RouteAttribute" } c && IsMvc(c.ContainingNamespace) && a.CtorString(0) is string route)
                    {
                        (routes ??= new List<string>()).Add(route);
                    }
                }

                if (routes is not null)
                {
                    return routes;
                }
            }

            return Array.Empty<string>();
        }

        internal static string Combine(string prefix, string? template)
        {
            string p = prefix.Trim().TrimEnd('/');
            if (template is null || template.Length == 0)
            {
                return p.Length == 0 ? "/" : p;
            }

            return p + "/" + template.Trim().TrimStart('~').TrimStart('/');
        }

        private static string ReplaceTokens(string template, string controller, string action, string? area)
        {
            string result = ReplaceIgnoreCase(template, "[controller]", controller);
            result = ReplaceIgnoreCase(result, "[action]", action);
            return area is null ? result : ReplaceIgnoreCase(result, "[area]", area);
        }

        private static string ReplaceIgnoreCase(string s, string token, string value)
        {
            int i;
            while ((i = s.IndexOf(token, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                s = s.Substring(0, i) + value + s.Substring(i + token.Length);
            }

            return s;
        }

        private static string ActionName(IMethodSymbol method)
        {
            if (FindNamed(method.GetAttributes(), "ActionNameAttribute")?.CtorString(0) is string explicitName)
            {
                return explicitName;
            }

            // MVC drops the Async suffix from action names by default (SuppressAsyncSuffixInActionNames).
            return method.Name.EndsWith("Async", StringComparison.Ordinal) && method.Name.Length > 5
                ? method.Name.Substring(0, method.Name.Length - 5)
                : method.Name;
        }

        private static bool HasAttributeNamed(ISymbol symbol, string className) => FindNamed(symbol.GetAttributes(), className) is not null;

        private static AttributeData? FindNamed(ImmutableArray<AttributeData> attributes, string className)
        {
            foreach (AttributeData attribute in attributes)
            {
                if (attribute.AttributeClass?.Name == className)
                {
                    return attribute;
                }
            }

            return null;
        }

        private static bool InheritsHttpMethodAttribute(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                if (t.Name == "HttpMethodAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAspNetCore(IMethodSymbol method) => IsWithin(method.ContainingNamespace, IsAspNetCoreNamespace);

        // Namespaces are compared by their parts, not formatted: ToDisplayString on every attribute of every action was a
        // measurable share of reading a controller.
        internal static bool IsAspNetCoreNamespace(INamespaceSymbol? ns) =>
            ns is { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } };

        private static bool IsMvc(INamespaceSymbol? ns) =>
            ns is { Name: "Mvc" } && IsAspNetCoreNamespace(ns.ContainingNamespace);

        // Microsoft.AspNetCore.Mvc or a namespace inside it.
        private static bool IsWithinMvc(INamespaceSymbol? ns) => IsWithin(ns, IsMvc);

        private static bool IsWithin(INamespaceSymbol? ns, Func<INamespaceSymbol, bool> outer)
        {
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (outer(ns))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="symbol"/> carries the attribute class named <paramref name="metadataName"/>.</summary>
        internal static bool HasAttribute(ISymbol symbol, string metadataName) => Find(symbol.GetAttributes(), metadataName) is not null;

        private static AttributeData? Find(ImmutableArray<AttributeData> attributes, string metadataName)
        {
            foreach (AttributeData attribute in attributes)
            {
                if (attribute.Is(metadataName))
                {
                    return attribute;
                }
            }

            return null;
        }
    }
}
