using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// The one reader of ASP.NET Core endpoints, for the generator and the analyzer alike. Controller actions are read from
    /// their symbols (<c>[HttpGet("{id}")]</c>, <c>[AcceptVerbs]</c>, <c>[Route]</c> on the action and its controller, with
    /// <c>[controller]</c>/<c>[action]</c>/<c>[area]</c> tokens); minimal-API handlers from the compiler's operations: the
    /// <c>Map*</c> call that maps the lambda or method group, compared with ASP.NET Core's own methods as symbols, its route and methods from
    /// constant values, and the builder it is called on followed through <c>MapGroup</c>, ASP.NET Core's fluent conventions
    /// and locals assigned exactly once. Whatever cannot be known at compile time (a route computed at run time, a group
    /// passed in as a parameter, a local assigned twice) is left out with the reason, never guessed. Both kinds of endpoint
    /// take their policy from the same attribute reading (<see cref="Endpoint"/>).
    /// </summary>
    internal static class EndpointReader
    {
        private const int MaxDepth = 32;

        /// <summary>
        /// Whether a syntax node can declare a controller: a class that derives from something, carries attributes or is
        /// named <c>…Controller</c> (MVC's own test, <see cref="IsController"/>, needs its symbol).
        /// </summary>
        public static bool IsControllerCandidate(SyntaxNode node) =>
            node is ClassDeclarationSyntax type
            && (type.BaseList is not null || type.AttributeLists.Count > 0 || type.Identifier.ValueText.EndsWith("Controller", StringComparison.OrdinalIgnoreCase));

        /// <summary>Whether a syntax node can be a call of one of ASP.NET Core's <c>Map*</c> methods that map a handler.</summary>
        public static bool IsMapCandidate(SyntaxNode node) =>
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name }, ArgumentList.Arguments.Count: >= 2 }
            && name.Identifier.ValueText is "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" or "Map";

        /// <summary>
        /// The endpoints of every action a controller declares, when <paramref name="type"/> is one MVC discovers; empty
        /// otherwise. A partial class is read at its first declaration only, so each action is read once.
        /// </summary>
        public static ImmutableArray<EndpointSpec> ReadController(INamedTypeSymbol type, SyntaxNode declaration, AspNetSymbols symbols)
        {
            if (!IsController(type, symbols)
                || type.DeclaringSyntaxReferences is not { Length: > 0 } declarations
                || declarations[0].SyntaxTree != declaration.SyntaxTree || declarations[0].Span != declaration.Span)
            {
                return ImmutableArray<EndpointSpec>.Empty;
            }

            var endpoints = ImmutableArray.CreateBuilder<EndpointSpec>();
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IMethodSymbol method)
                {
                    endpoints.AddRange(ReadActionOf(method, symbols));
                }
            }

            return endpoints.ToImmutable();
        }

        /// <summary>
        /// Whether MVC takes <paramref name="type"/> for a controller, as its <c>ControllerFeatureProvider</c> does: a
        /// public top-level class, not abstract, not an open generic, not <c>[NonController]</c>, named <c>…Controller</c>
        /// (in any case) or carrying <c>[Controller]</c>, which <c>ControllerBase</c> and so its subclasses carry.
        /// </summary>
        public static bool IsController(INamedTypeSymbol type, AspNetSymbols symbols)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.DeclaredAccessibility != Accessibility.Public
                || type.ContainingType is not null || type.IsGenericType || symbols.ControllerAttribute is null)
            {
                return false;
            }

            bool named = type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase);
            for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                foreach (AttributeData attribute in t.GetAttributes())
                {
                    if (AspNetSymbols.Is(attribute.AttributeClass, symbols.NonControllerAttribute))
                    {
                        return false;
                    }

                    named |= AspNetSymbols.Is(attribute.AttributeClass, symbols.ControllerAttribute);
                }
            }

            return named;
        }

        /// <summary>The endpoints a controller action maps (one per route template); empty for a method that is no routed action.</summary>
        public static ImmutableArray<EndpointSpec> ReadAction(IMethodSymbol method, AspNetSymbols symbols) =>
            IsController(method.ContainingType, symbols) ? ReadActionOf(method, symbols) : ImmutableArray<EndpointSpec>.Empty;

        // ReadAction for a method of a class known to be a controller.
        private static ImmutableArray<EndpointSpec> ReadActionOf(IMethodSymbol method, AspNetSymbols symbols)
        {
            INamedTypeSymbol type = method.ContainingType;
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || symbols.HttpMethodAttribute is null || HasAttribute(type, KnownNames.MeshService))
            {
                return ImmutableArray<EndpointSpec>.Empty;
            }

            ImmutableArray<AttributeData> own = method.GetAttributes();
            var routes = new List<(string? Template, List<string>? Verbs, int? Order)>();
            var verbsWithoutTemplate = new List<string>();
            string actionName = method.Name.EndsWith("Async", StringComparison.Ordinal) && method.Name.Length > 5
                ? method.Name.Substring(0, method.Name.Length - 5) // MVC's SuppressAsyncSuffixInActionNames default
                : method.Name;
            foreach (AttributeData a in own)
            {
                INamedTypeSymbol? attributeType = a.AttributeClass;
                if (AspNetSymbols.Is(attributeType, symbols.NonActionAttribute))
                {
                    return ImmutableArray<EndpointSpec>.Empty;
                }

                if (attributeType is not null && symbols.HttpVerbAttributes.TryGetValue(attributeType, out string? verb))
                {
                    if (a.CtorString(0) is string template)
                    {
                        routes.Add((template, new List<string> { verb }, a.NamedInt("Order")));
                    }
                    else
                    {
                        verbsWithoutTemplate.Add(verb);
                    }
                }
                else if (AspNetSymbols.Is(attributeType, symbols.AcceptVerbsAttribute))
                {
                    var verbs = a.ConstructorArguments.SelectMany(c => c.Kind == TypedConstantKind.Array ? c.Values : ImmutableArray.Create(c))
                        .Select(c => c.Value as string).Where(v => v is not null).Select(v => v!.ToUpperInvariant()).ToList();
                    if (a.NamedString("Route") is string template)
                    {
                        routes.Add((template, verbs, a.NamedInt("Order")));
                    }
                    else
                    {
                        verbsWithoutTemplate.AddRange(verbs);
                    }
                }
                else if (AspNetSymbols.Is(attributeType, symbols.RouteAttribute) && a.CtorString(0) is string routeTemplate)
                {
                    routes.Add((routeTemplate, null, a.NamedInt("Order")));
                }
                else if (AspNetSymbols.Is(attributeType, symbols.ActionNameAttribute) && a.CtorString(0) is string explicitName)
                {
                    actionName = explicitName;
                }
            }

            IReadOnlyList<(string Template, int? Order)> prefixes = ControllerRoutes(type, symbols);
            if (routes.Count == 0)
            {
                if (verbsWithoutTemplate.Count == 0 && prefixes.Count == 0)
                {
                    return ImmutableArray<EndpointSpec>.Empty;
                }

                routes.Add((null, verbsWithoutTemplate, null));
            }

            ImmutableArray<AttributeData> inherited = type.GetAttributes();
            string controllerName = type.Name.EndsWith("Controller", StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Controller".Length) : type.Name;
            string? area = inherited.FirstOrDefault(a => AspNetSymbols.Is(a.AttributeClass, symbols.AreaAttribute))?.CtorString(0);
            string displayName = $"{type.Name}.{method.Name}";
            var endpoints = ImmutableArray.CreateBuilder<EndpointSpec>();
            foreach (var (template, verbs, order) in routes)
            {
                EquatableArray<string> methods = Methods(verbs ?? verbsWithoutTemplate);
                // As MVC combines an action's route with its controller's: an override template ("/…", "~/…") stands alone,
                // and the action's Order, when it sets one, wins over the controller's.
                if (template is not null && (template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal)))
                {
                    endpoints.Add(Action(template, order ?? 0));
                }
                else if (prefixes.Count == 0)
                {
                    if (template is not null)
                    {
                        endpoints.Add(Action(template, order ?? 0));
                    }
                }
                else
                {
                    foreach (var prefix in prefixes)
                    {
                        endpoints.Add(Action(Combine(prefix.Template, template), order ?? prefix.Order ?? 0));
                    }
                }

                EndpointSpec Action(string full, int routeOrder) =>
                    Endpoint(displayName, methods, ReplaceTokens(full, controllerName, actionName, area), own, inherited, routeOrder);
            }

            return endpoints.ToImmutable();
        }

        /// <summary>
        /// Why a controller action that <see cref="ReadAction"/> finds no route for has none, or null when the method is no
        /// action: MVC takes a public method of a public, non-abstract <c>…Controller</c> class for an action even without a
        /// route attribute, and routes it by conventional routes, which are configured at run time.
        /// </summary>
        public static string? ActionNotRouted(IMethodSymbol method, AspNetSymbols symbols)
        {
            return method.MethodKind == MethodKind.Ordinary && !method.IsStatic && method.DeclaredAccessibility == Accessibility.Public
                && IsController(method.ContainingType, symbols)
                && !method.GetAttributes().Any(a => AspNetSymbols.Is(a.AttributeClass, symbols.NonActionAttribute))
                && ReadActionOf(method, symbols).IsEmpty
                ? "it has no attribute route ([HttpGet(\"...\")] or [Route] on it or its controller), and conventional routes are configured at run time; give the action an attribute route"
                : null;
        }

        /// <summary>
        /// The endpoint a call of one of ASP.NET Core's <c>Map*</c> methods maps, with the policy its handler declares, or why
        /// its route cannot be known at compile time; neither when the call is no such <c>Map*</c> call.
        /// </summary>
        public static HandlerReading ReadMap(IInvocationOperation map, AspNetSymbols symbols)
        {
            if (!symbols.IsMapMethod(map.TargetMethod, out string? verb))
            {
                return HandlerReading.NoHandler;
            }

            if (Constant(Argument(map, "pattern")) is not string pattern)
            {
                return HandlerReading.LeftOut("its route is computed at run time; write the route as a constant (a string literal or a const)");
            }

            if (!TryPrefix(Argument(map, "endpoints"), symbols, 0, out string prefix, out int? groupOrder, out string? reason)
                || !TryOwnOrder(map, symbols, out int? ownOrder, out reason))
            {
                return HandlerReading.LeftOut(reason!);
            }

            EquatableArray<string> methods;
            if (verb is not null)
            {
                methods = EquatableArray.Create(verb);
            }
            else if (map.TargetMethod.Name == "Map")
            {
                methods = EquatableArray<string>.Empty;
            }
            else if (!TryMethods(Argument(map, "httpMethods"), symbols, out methods, out reason))
            {
                return HandlerReading.LeftOut(reason!);
            }

            return HandlerReading.Routed(Endpoint(
                $"{map.TargetMethod.Name}(\"{pattern}\")",
                methods,
                Combine(prefix, pattern),
                HandlerAttributes(map),
                ImmutableArray<AttributeData>.Empty,
                ownOrder ?? groupOrder ?? 0));
        }

        /// <summary>
        /// The attributes of the handler a <c>Map*</c> call maps: those of a lambda, or of the method a method group names.
        /// A delegate held elsewhere (a local, a field, a call's result) shows none: its policy is the service's.
        /// </summary>
        public static ImmutableArray<AttributeData> HandlerAttributes(IInvocationOperation map)
        {
            IOperation? value = map.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == map.TargetMethod.Parameters.Length - 1)?.Value;
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            return value switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol.GetAttributes(),
                IMethodReferenceOperation method => method.Method.GetAttributes(),
                _ => ImmutableArray<AttributeData>.Empty,
            };
        }

        // An endpoint and its policy: what it declares itself, else what its controller declares.
        private static EndpointSpec Endpoint(
            string displayName, EquatableArray<string> methods, string route, ImmutableArray<AttributeData> own, ImmutableArray<AttributeData> inherited, int order) =>
            new(
                displayName,
                methods,
                UriMatch.NormalizePath(route),
                Find(own, KnownNames.Retry) is { } r ? ServiceReader.ReadRetry(r) : Find(inherited, KnownNames.Retry) is { } cr ? ServiceReader.ReadRetry(cr) : null,
                Find(own, KnownNames.Timeout) is { } t ? ServiceReader.ReadTimeout(t) : Find(inherited, KnownNames.Timeout) is { } ct ? ServiceReader.ReadTimeout(ct) : null,
                Find(own, KnownNames.Idempotent) is not null,
                order);

        // The prefix the builder a Map* call is made on contributes: "" for the application's root, the MapGroup prefixes for
        // a group; and the route order its groups set with WithOrder, null when none does. A parameter, field or call result of a type other than RouteGroupBuilder (IEndpointRouteBuilder,
        // WebApplication) is taken as the root, the shape of ASP.NET Core's Map...Endpoints(this IEndpointRouteBuilder)
        // helpers; a RouteGroupBuilder whose MapGroup call is not in view is left out.
        private static bool TryPrefix(IOperation? receiver, AspNetSymbols symbols, int depth, out string prefix, out int? order, out string? reason)
        {
            prefix = string.Empty;
            order = null;
            reason = null;
            if (depth > MaxDepth || receiver is null)
            {
                reason = "its route builder is not one this reader can follow";
                return false;
            }

            switch (receiver)
            {
                case IConversionOperation conversion:
                    return TryPrefix(conversion.Operand, symbols, depth + 1, out prefix, out order, out reason);
                case IParenthesizedOperation parenthesized:
                    return TryPrefix(parenthesized.Operand, symbols, depth + 1, out prefix, out order, out reason);
                case ILocalReferenceOperation local when symbols.CanHoldGroup(local.Local.Type):
                    if (SingleAssignment.ValueOf(local, out reason) is not { } value)
                    {
                        return false;
                    }

                    return TryPrefix(value, symbols, depth + 1, out prefix, out order, out reason);
                case IInvocationOperation call when symbols.MapGroups.Contains(call.TargetMethod.OriginalDefinition):
                    if (!TryPrefix(Argument(call, "endpoints"), symbols, depth + 1, out string outer, out order, out reason))
                    {
                        return false;
                    }

                    if (Constant(Argument(call, "prefix")) is not string groupPrefix)
                    {
                        reason = "the prefix of its MapGroup is computed at run time; write the prefix as a constant (a string literal or a const)";
                        return false;
                    }

                    prefix = Combine(outer, groupPrefix);
                    return true;
                case IInvocationOperation call when IsConvention(call.TargetMethod):
                    if (!TryPrefix(call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value, symbols, depth + 1, out prefix, out order, out reason))
                    {
                        return false;
                    }

                    // A group's conventions run from the outermost group in, so the WithOrder nearest the endpoint wins.
                    if (symbols.WithOrderMethods.Contains(call.TargetMethod.OriginalDefinition))
                    {
                        if (Constant(Argument(call, "order")) is not int groupOrder)
                        {
                            reason = "the route order its group sets with WithOrder is computed at run time; write the order as a constant";
                            return false;
                        }

                        order = groupOrder;
                    }

                    return true;
            }

            if (!AspNetSymbols.Is(receiver.Type as INamedTypeSymbol, symbols.RouteGroupBuilder))
            {
                return true;
            }

            reason = receiver is IParameterReferenceOperation parameter
                ? $"the group it is mapped on is passed in as parameter '{parameter.Parameter.Name}', so its prefix is not known where it is mapped; map the endpoint where the group is made with MapGroup, or keep the group in a local"
                : "the group it is mapped on comes from a call, field or property whose MapGroup prefix is not in view; map the endpoint where the group is made with MapGroup, or keep the group in a local";
            return false;
        }

        // The route order the calls chained on a Map* call set (app.MapGet(...).WithTags("x").WithOrder(1)): the last
        // WithOrder, which runs last, or null when none does. The chain is followed through every call that takes the builder
        // and returns one of its type, as conventions do; an order set inside a helper is not seen.
        private static bool TryOwnOrder(IInvocationOperation map, AspNetSymbols symbols, out int? order, out string? reason)
        {
            order = null;
            reason = null;
            IOperation current = map;
            for (int depth = 0; depth < MaxDepth && ChainedOn(current) is { } call; depth++)
            {
                if (symbols.WithOrderMethods.Contains(call.TargetMethod.OriginalDefinition))
                {
                    if (Constant(Argument(call, "order")) is not int own)
                    {
                        reason = "its route order (WithOrder) is computed at run time; write the order as a constant";
                        return false;
                    }

                    order = own;
                }

                current = call;
            }

            return true;
        }

        // The call made on a builder, as an extension method's first argument or as the instance, that returns a builder of
        // the same type; null for anything else.
        private static IInvocationOperation? ChainedOn(IOperation builder)
        {
            IOperation? parent = builder.Parent;
            IInvocationOperation? call = parent switch
            {
                IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation extension } when extension.TargetMethod.IsExtensionMethod => extension,
                IInvocationOperation instance when instance.Instance == builder => instance,
                _ => null,
            };
            return call is not null && SymbolEqualityComparer.Default.Equals(call.Type, builder.Type) ? call : null;
        }

        // ASP.NET Core's endpoint conventions, TBuilder M<TBuilder>(this TBuilder builder, ...) (WithTags, RequireAuthorization,
        // ...): they configure the builder they are given and return it.
        private static bool IsConvention(IMethodSymbol method)
        {
            IMethodSymbol definition = method.OriginalDefinition;
            return definition.IsExtensionMethod && definition.IsGenericMethod && definition.Parameters.Length > 0
                && definition.ReturnType is ITypeParameterSymbol returned
                && SymbolEqualityComparer.Default.Equals(definition.Parameters[0].Type, returned)
                && IsAspNetCore(definition.ContainingNamespace);
        }

        private static bool IsAspNetCore(INamespaceSymbol? ns)
        {
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (ns is { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }

            return false;
        }

        // The methods of a MapMethods call: every element a constant or one of HttpMethods' fields. A list built at run time,
        // or with a spread (..verbs), is left out: the methods it adds are not known.
        private static bool TryMethods(IOperation? argument, AspNetSymbols symbols, out EquatableArray<string> methods, out string? reason)
        {
            methods = EquatableArray<string>.Empty;
            reason = "its HTTP methods are computed at run time; list them as constants (\"POST\" or HttpMethods.Post) in an array or collection expression";
            while (argument is IConversionOperation conversion)
            {
                argument = conversion.Operand;
            }

            var elements = new List<IOperation?>();
            if (argument is IArrayCreationOperation { Initializer: { } initializer })
            {
                elements.AddRange(initializer.ElementValues);
            }
            else if (argument is { Syntax: CollectionExpressionSyntax collection, SemanticModel: { } model })
            {
                // Roslyn 4.8, which the generator builds against, has no operation for collection expressions: their elements
                // are read one by one.
                foreach (CollectionElementSyntax element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax expression)
                    {
                        reason = "its HTTP methods include a spread ('..'), whose methods are known only at run time; list every method as a constant";
                        return false;
                    }

                    elements.Add(model.GetOperation(expression.Expression));
                }
            }
            else
            {
                return false;
            }

            var verbs = new List<string>();
            foreach (IOperation? element in elements)
            {
                IOperation? value = element;
                while (value is IConversionOperation c)
                {
                    value = c.Operand;
                }

                if (Constant(value) is string constant)
                {
                    verbs.Add(constant.ToUpperInvariant());
                }
                else if (value is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }
                    && AspNetSymbols.Is(field.ContainingType, symbols.HttpMethods))
                {
                    // HttpMethods.Post and its kind are static readonly fields holding their own name in capitals.
                    verbs.Add(field.Name.ToUpperInvariant());
                }
                else
                {
                    return false;
                }
            }

            methods = Methods(verbs);
            reason = null;
            return true;
        }

        private static IOperation? Argument(IInvocationOperation call, string parameterName)
        {
            foreach (IArgumentOperation argument in call.Arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static object? Constant(IOperation? operation) =>
            operation is { ConstantValue: { HasValue: true, Value: { } value } } ? value : null;

        // The distinct methods in ordinal order.
        private static EquatableArray<string> Methods(List<string>? verbs) =>
            verbs is null ? EquatableArray<string>.Empty : verbs.Distinct().OrderBy(v => v, StringComparer.Ordinal).ToEquatableArray();

        private static IReadOnlyList<(string Template, int? Order)> ControllerRoutes(INamedTypeSymbol type, AspNetSymbols symbols)
        {
            for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
            {
                var routes = t.GetAttributes()
                    .Where(a => AspNetSymbols.Is(a.AttributeClass, symbols.RouteAttribute) && a.CtorString(0) is not null)
                    .Select(a => (a.CtorString(0)!, a.NamedInt("Order")))
                    .ToList();
                if (routes.Count > 0)
                {
                    return routes;
                }
            }

            return Array.Empty<(string, int?)>();
        }

        /// <summary>A route template under a prefix, with one '/' between them; '/' for two empty ones.</summary>
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

        /// <summary>Whether <paramref name="symbol"/> carries the MeshAttributes attribute named <paramref name="metadataName"/>.</summary>
        internal static bool HasAttribute(ISymbol symbol, string metadataName) => Find(symbol.GetAttributes(), metadataName) is not null;

        // Mesh attributes are matched by metadata name, as ForAttributeWithMetadataName finds them.
        private static AttributeData? Find(ImmutableArray<AttributeData> attributes, string metadataName) =>
            attributes.FirstOrDefault(a => a.Is(metadataName));
    }
}
