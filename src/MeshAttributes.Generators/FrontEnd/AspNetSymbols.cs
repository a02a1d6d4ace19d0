using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// The ASP.NET Core types and methods an endpoint is recognised by, resolved once per compilation, so that a call or an
    /// attribute is compared with them as symbols: a user's own <c>MapGet</c> or <c>RouteAttribute</c> is never taken for
    /// ASP.NET Core's. A type the compilation does not reference is null, and nothing is recognised by it.
    /// <para>
    /// Each type is looked up in the assembly that defines it, not with <c>Compilation.GetTypeByMetadataName</c>: that one
    /// searches every referenced assembly (a web project references about two hundred) and opens namespaces in each that
    /// the compiler itself never needs, which cost more than everything else the analyzer did.
    /// </para>
    /// </summary>
    internal sealed class AspNetSymbols
    {
        private static readonly ConditionalWeakTable<Compilation, AspNetSymbols> Cache = new();

        private const string Routing = "Microsoft.AspNetCore.Routing";
        private const string HttpAbstractions = "Microsoft.AspNetCore.Http.Abstractions";
        private const string MvcCore = "Microsoft.AspNetCore.Mvc.Core";

        private AspNetSymbols(Compilation compilation)
        {
            var assemblies = new Dictionary<string, IAssemblySymbol>(StringComparer.Ordinal);
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name is Routing or HttpAbstractions or MvcCore && !assemblies.ContainsKey(assembly.Name))
                {
                    assemblies.Add(assembly.Name, assembly);
                }
            }

            INamedTypeSymbol? Type(string assembly, string metadataName) =>
                assemblies.TryGetValue(assembly, out IAssemblySymbol? defining) ? defining.GetTypeByMetadataName(metadataName) : null;

            INamedTypeSymbol? extensions = Type(Routing, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            var maps = new Dictionary<IMethodSymbol, string?>(SymbolEqualityComparer.Default);
            var groups = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (extensions is not null)
            {
                foreach (ISymbol member in extensions.GetMembers())
                {
                    if (member is not IMethodSymbol method)
                    {
                        continue;
                    }

                    string? verb = method.Name switch
                    {
                        "MapGet" => "GET",
                        "MapPost" => "POST",
                        "MapPut" => "PUT",
                        "MapDelete" => "DELETE",
                        "MapPatch" => "PATCH",
                        _ => null,
                    };
                    if (verb is not null || method.Name is "MapMethods" or "Map")
                    {
                        maps.Add(method, verb);
                    }
                    else if (method.Name == "MapGroup")
                    {
                        groups.Add(method);
                    }
                }
            }

            INamedTypeSymbol? conventions = Type(Routing, "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions");
            WithOrderMethods = new HashSet<IMethodSymbol>(
                conventions?.GetMembers("WithOrder").OfType<IMethodSymbol>() ?? Enumerable.Empty<IMethodSymbol>(),
                SymbolEqualityComparer.Default);

            MapMethods = maps;
            MapGroups = groups;
            RouteGroupBuilder = Type(Routing, "Microsoft.AspNetCore.Routing.RouteGroupBuilder");
            HttpMethods = Type(HttpAbstractions, "Microsoft.AspNetCore.Http.HttpMethods");
            HttpMethodAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.Routing.HttpMethodAttribute");
            RouteAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.RouteAttribute");
            AcceptVerbsAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.AcceptVerbsAttribute");
            NonActionAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
            ActionNameAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.ActionNameAttribute");
            AreaAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.AreaAttribute");
            ControllerAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonControllerAttribute = Type(MvcCore, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            var verbs = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (string verb in new[] { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" })
            {
                if (Type(MvcCore, $"Microsoft.AspNetCore.Mvc.Http{verb}Attribute") is { } attribute)
                {
                    verbs.Add(attribute, verb.ToUpperInvariant());
                }
            }

            HttpVerbAttributes = verbs;
        }

        /// <summary>The <c>Map*</c> extension methods that map a handler, with the HTTP method each maps by its name (null: MapMethods, Map).</summary>
        public IReadOnlyDictionary<IMethodSymbol, string?> MapMethods { get; }

        /// <summary><c>WithOrder</c>, the convention that sets an endpoint's route order.</summary>
        public ISet<IMethodSymbol> WithOrderMethods { get; }

        /// <summary>The <c>MapGroup</c> overloads.</summary>
        public ISet<IMethodSymbol> MapGroups { get; }

        public INamedTypeSymbol? RouteGroupBuilder { get; }

        /// <summary>Holds the <c>static readonly</c> method names (<c>HttpMethods.Post</c>) MapMethods lists may use.</summary>
        public INamedTypeSymbol? HttpMethods { get; }

        public INamedTypeSymbol? HttpMethodAttribute { get; }

        /// <summary><c>[HttpGet]</c> … <c>[HttpOptions]</c>, with the HTTP method each stands for.</summary>
        public IReadOnlyDictionary<INamedTypeSymbol, string> HttpVerbAttributes { get; }

        public INamedTypeSymbol? RouteAttribute { get; }

        public INamedTypeSymbol? AcceptVerbsAttribute { get; }

        public INamedTypeSymbol? NonActionAttribute { get; }

        public INamedTypeSymbol? ActionNameAttribute { get; }

        public INamedTypeSymbol? AreaAttribute { get; }

        /// <summary><c>[Controller]</c>, which <c>ControllerBase</c> carries: MVC takes a class carrying it, or inheriting it, for a controller.</summary>
        public INamedTypeSymbol? ControllerAttribute { get; }

        public INamedTypeSymbol? NonControllerAttribute { get; }

        /// <summary>The symbols of <paramref name="compilation"/>, resolved on first use and kept as long as the compilation lives.</summary>
        public static AspNetSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new AspNetSymbols(c));

        /// <summary>Whether <paramref name="method"/> is one of ASP.NET Core's <c>Map*</c> methods that map a handler.</summary>
        public bool IsMapMethod(IMethodSymbol method, out string? verb)
        {
            verb = null;
            return method.Name.StartsWith("Map", System.StringComparison.Ordinal) && MapMethods.TryGetValue(method.OriginalDefinition, out verb);
        }

        /// <summary>Whether a value of <paramref name="type"/> can be a <c>RouteGroupBuilder</c>: the type itself, an interface it implements, or object.</summary>
        public bool CanHoldGroup(ITypeSymbol? type) =>
            RouteGroupBuilder is { } group && type is not null
            && (SymbolEqualityComparer.Default.Equals(type, group) || type.SpecialType == SpecialType.System_Object
                || (type.TypeKind == TypeKind.Interface && group.AllInterfaces.Contains((INamedTypeSymbol)type, SymbolEqualityComparer.Default)));

        public static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? wellKnown) =>
            wellKnown is not null && SymbolEqualityComparer.Default.Equals(type, wellKnown);
    }
}
