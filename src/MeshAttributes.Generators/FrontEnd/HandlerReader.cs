using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Reads a minimal-API handler — a lambda passed to <c>MapGet</c> … <c>MapMethods</c>, <c>Map</c> — without binding the
    /// method that maps it. The first semantic question about anything inside a method body makes Roslyn bind the whole body:
    /// overload resolution of every <c>Map*</c> call against each of its lambdas, then nullable analysis of the method. That
    /// was two thirds of a cold generator run, and speculative binding inside the body pays it too (its nullable rebinding
    /// needs the method's own analysis). So this reader asks nothing inside the body. It follows the receiver of the
    /// <c>Map*</c> call through syntax — parameters, locals and their initializers, <c>MapGroup</c> and fluent calls, up to
    /// <c>WebApplication.CreateBuilder(...).Build()</c> — and binds, speculatively and at a position outside any member, only
    /// new nodes made for the purpose: the handler's attributes, the declared types of parameters, constants used as
    /// arguments and routes.
    /// <para>
    /// Whatever it cannot decide that way — a handler mapped inside another lambda, a group returned by a helper method or
    /// held in a field, a local constant, a route computed at run time — it reports as undecided, and the caller asks
    /// <see cref="EndpointReader.ReadHandler"/>, which binds the method. Both readers must agree wherever this one decides;
    /// a test holds them to it.
    /// </para>
    /// </summary>
    internal static class HandlerReader
    {
        private const int MaxDepth = 32;

        // ASP.NET Core's endpoint-convention extensions, TBuilder M<TBuilder>(this TBuilder builder, ...): on a group they return
        // that group. Any other call on a group is left to the semantic reader.
        private static readonly HashSet<string> FluentConventions = new(System.StringComparer.Ordinal)
        {
            "WithTags", "WithName", "WithGroupName", "WithDisplayName", "WithDescription", "WithSummary", "WithMetadata", "WithOpenApi",
            "RequireAuthorization", "AllowAnonymous", "RequireCors", "RequireHost", "RequireRateLimiting", "DisableRateLimiting",
            "AddEndpointFilter", "AddEndpointFilterFactory", "CacheOutput", "DisableAntiforgery", "ShortCircuit", "ExcludeFromDescription",
            "WithRequestTimeout", "DisableRequestTimeout", "DisableHttpMetrics", "WithHttpLogging", "WithFormOptions",
        };

        private static readonly HashSet<string> BuilderFactories = new(System.StringComparer.Ordinal) { "CreateBuilder", "CreateSlimBuilder", "CreateEmptyBuilder" };

        /// <summary>What the reader found: an endpoint, no endpoint, or a shape it leaves to the semantic reader.</summary>
        public readonly struct Reading
        {
            private Reading(bool decided, EndpointSpec? endpoint, ImmutableArray<AttributeSite> attributes)
            {
                Decided = decided;
                Endpoint = endpoint;
                Attributes = attributes;
            }

            public static Reading Undecided => default;

            /// <summary>False when the semantic reader must decide.</summary>
            public bool Decided { get; }

            /// <summary>The endpoint, or null when the lambda is no endpoint whose route is known (decided either way).</summary>
            public EndpointSpec? Endpoint { get; }

            /// <summary>The handler's own MeshAttributes attributes, in source order.</summary>
            public ImmutableArray<AttributeSite> Attributes { get; }

            public static Reading Of(EndpointSpec? endpoint, ImmutableArray<AttributeSite> attributes) => new(true, endpoint, attributes);
        }

        public static Reading Read(AnonymousFunctionExpressionSyntax handler, SemanticModel model, CancellationToken cancellationToken)
        {
            if (handler.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                || invocation.Expression is not MemberAccessExpressionSyntax access
                || !EndpointReader.TryGetMapVerb(access.Name.Identifier.ValueText, out string verb))
            {
                // The semantic reader requires the same shape.
                return Reading.Of(null, ImmutableArray<AttributeSite>.Empty);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var scope = new SpeculativeScope(model, SpeculationPosition(handler));

            // The receiver is an endpoint route builder, so a Map* call of these names is ASP.NET Core's extension method.
            if (Prefix(access.Expression, scope, 0) is not string prefix
                || Argument(invocation, 0, "pattern") is not { } patternArgument || scope.ConstantString(patternArgument) is not string pattern)
            {
                return Reading.Undecided;
            }

            EquatableArray<string>? methods = verb.Length > 0 ? EndpointReader.Verb(verb)
                : access.Name.Identifier.ValueText == "Map" ? EquatableArray<string>.Empty
                : HttpMethods(invocation, scope);
            if (methods is null)
            {
                return Reading.Undecided;
            }

            RetrySpec? retry = null;
            TimeoutSpec? timeout = null;
            bool idempotent = false;
            var sites = ImmutableArray.CreateBuilder<AttributeSite>();
            if (handler is LambdaExpressionSyntax lambda)
            {
                foreach (AttributeListSyntax list in lambda.AttributeLists)
                {
                    if (list.Target is not null)
                    {
                        continue;
                    }

                    foreach (AttributeSyntax attribute in list.Attributes)
                    {
                        if (ArgumentsReferenceLocals(attribute) || scope.Attribute(attribute) is not { } bound)
                        {
                            return Reading.Undecided;
                        }

                        if (bound.Site is not { } site)
                        {
                            continue;
                        }

                        sites.Add(site);
                        if (site.Is(KnownNames.Retry))
                        {
                            retry ??= new RetrySpec(bound.Named("Attempts") as int?, bound.Named("PerTryTimeout") as string, bound.Named("RetryOn") as string);
                        }
                        else if (site.Is(KnownNames.Timeout))
                        {
                            timeout ??= new TimeoutSpec(bound.Positional(0) as string ?? string.Empty);
                        }
                        else if (site.Is(KnownNames.Idempotent))
                        {
                            idempotent = true;
                        }
                    }
                }
            }

            var endpoint = new EndpointSpec(
                $"{access.Name.Identifier.ValueText}(\"{pattern}\")",
                methods.Value,
                Core.Resources.UriMatch.NormalizePath(EndpointReader.Combine(prefix, pattern)),
                retry,
                timeout,
                idempotent);
            return Reading.Of(endpoint, sites.ToImmutable());
        }

        // Just inside the innermost type declaration around the handler, where the file's usings and the type's members are in
        // scope and no member body is; the end of the file for top-level statements.
        private static int SpeculationPosition(SyntaxNode handler) =>
            handler.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { OpenBraceToken: { RawKind: not 0 } brace }
                ? brace.Span.End
                : handler.SyntaxTree.GetRoot().FullSpan.End;

        // The MapGroup prefix carried by an endpoint route builder ("" for one that is no group); null when undecided.
        private static string? Prefix(ExpressionSyntax receiver, SpeculativeScope scope, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (receiver)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    return Prefix(parenthesized.Expression, scope, depth + 1);
                case IdentifierNameSyntax identifier:
                    return Declaration(identifier) switch
                    {
                        VariableDeclaratorSyntax { Initializer.Value: { } value } => Prefix(value, scope, depth + 1),
                        // A builder from outside (a parameter): only one that is no group has a known prefix.
                        TypeSyntax type => scope.TypeOf(type) is { } declared && IsEndpointRouteBuilder(declared) && !EndpointReader.IsRouteGroup(declared)
                            ? string.Empty
                            : null,
                        _ => null,
                    };
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { } name } inner } call:
                    switch (name.Identifier.ValueText)
                    {
                        case "MapGroup":
                            return Prefix(inner.Expression, scope, depth + 1) is string outer
                                && Argument(call, 0, "prefix") is { } argument && scope.ConstantString(argument) is string pattern
                                ? EndpointReader.Combine(outer, pattern)
                                : null;
                        case "Build":
                            // WebApplicationBuilder.Build() → WebApplication.
                            return IsWebApplicationBuilder(inner.Expression, scope, depth + 1) ? string.Empty : null;
                        case "Create":
                            return scope.IsType(inner.Expression, "WebApplication") ? string.Empty : null;
                        case string convention when FluentConventions.Contains(convention):
                            // Only a group is both a builder Map* accepts and one these conventions return.
                            return Prefix(inner.Expression, scope, depth + 1) is string group && IsGroup(inner.Expression, depth + 1) ? group : null;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        // Whether the expression is known from syntax to be a MapGroup result (possibly through conventions and locals).
        private static bool IsGroup(ExpressionSyntax expression, int depth) =>
            depth <= MaxDepth && expression switch
            {
                ParenthesizedExpressionSyntax parenthesized => IsGroup(parenthesized.Expression, depth + 1),
                IdentifierNameSyntax identifier => Declaration(identifier) is VariableDeclaratorSyntax { Initializer.Value: { } value } && IsGroup(value, depth + 1),
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { } name } inner } =>
                    name.Identifier.ValueText == "MapGroup" || (FluentConventions.Contains(name.Identifier.ValueText) && IsGroup(inner.Expression, depth + 1)),
                _ => false,
            };

        private static bool IsWebApplicationBuilder(ExpressionSyntax expression, SpeculativeScope scope, int depth) =>
            depth <= MaxDepth && expression switch
            {
                ParenthesizedExpressionSyntax parenthesized => IsWebApplicationBuilder(parenthesized.Expression, scope, depth + 1),
                IdentifierNameSyntax identifier => Declaration(identifier) switch
                {
                    VariableDeclaratorSyntax { Initializer.Value: { } value } => IsWebApplicationBuilder(value, scope, depth + 1),
                    TypeSyntax type => scope.TypeOf(type) is { Name: "WebApplicationBuilder" } declared && IsAspNetCoreBuilderNamespace(declared),
                    _ => false,
                },
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: { } name } inner } =>
                    BuilderFactories.Contains(name.Identifier.ValueText) && scope.IsType(inner.Expression, "WebApplication"),
                _ => false,
            };

        // The declaration an identifier in a method body or top-level statement refers to, found from syntax: a local's
        // declarator (only when declared with var or a type and an initializer, the shapes followed), or the declared type of
        // a parameter. Null when it is anything else (a field, a lambda parameter without a type, a pattern variable, …).
        private static object? Declaration(IdentifierNameSyntax identifier)
        {
            string name = identifier.Identifier.ValueText;
            SyntaxNode child = identifier;
            for (SyntaxNode? node = identifier.Parent; node is not null; child = node, node = node.Parent)
            {
                switch (node)
                {
                    case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                        return simple.Parameter.Type;
                    case ParenthesizedLambdaExpressionSyntax lambda when Parameter(lambda.ParameterList, name) is { } parameter:
                        return parameter.Type;
                    case AnonymousMethodExpressionSyntax anonymous when anonymous.ParameterList is { } list && Parameter(list, name) is { } parameter:
                        return parameter.Type;
                    case LocalFunctionStatementSyntax function when Parameter(function.ParameterList, name) is { } parameter:
                        return parameter.Type;
                    case BaseMethodDeclarationSyntax method:
                        return Parameter(method.ParameterList, name)?.Type;
                    case BlockSyntax block when LocalBefore(block, child, name) is { } local:
                        return local;
                    case CompilationUnitSyntax unit:
                        return LocalBefore(unit, child, name);
                    case MemberDeclarationSyntax and not GlobalStatementSyntax:
                        return null;
                }
            }

            return null;
        }

        // Whether an expression names a local or parameter (a local constant too), which only the method's own binding knows;
        // bound outside the method, the name could find a member of the same name instead.
        private static bool ArgumentsReferenceLocals(AttributeSyntax attribute)
        {
            if (attribute.ArgumentList is { } arguments)
            {
                foreach (AttributeArgumentSyntax argument in arguments.Arguments)
                {
                    if (ReferencesLocals(argument.Expression))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool ReferencesLocals(ExpressionSyntax expression)
        {
            // Most attribute arguments are literals: nothing to look up, and no walk of the argument to allocate.
            if (expression is LiteralExpressionSyntax)
            {
                return false;
            }

            foreach (SyntaxNode node in expression.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax identifier && Declaration(identifier) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static ParameterSyntax? Parameter(ParameterListSyntax list, string name)
        {
            foreach (ParameterSyntax parameter in list.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        // The last declarator of a local named name among the statements before child: a block's, or a file's top-level statements.
        private static VariableDeclaratorSyntax? LocalBefore(SyntaxNode parent, SyntaxNode child, string name)
        {
            VariableDeclaratorSyntax? found = null;
            // ChildNodesAndTokens is a struct list: walking it allocates nothing, unlike ChildNodes().
            foreach (SyntaxNodeOrToken item in parent.ChildNodesAndTokens())
            {
                if (item.AsNode() is not { } sibling)
                {
                    continue;
                }

                if (sibling == child)
                {
                    break;
                }

                if ((sibling as StatementSyntax ?? (sibling as GlobalStatementSyntax)?.Statement) is { } statement)
                {
                    found = Local(statement, name) ?? found;
                }
            }

            return found;
        }

        private static VariableDeclaratorSyntax? Local(StatementSyntax statement, string name)
        {
            VariableDeclaratorSyntax? found = null;
            if (statement is LocalDeclarationStatementSyntax declaration)
            {
                foreach (VariableDeclaratorSyntax variable in declaration.Declaration.Variables)
                {
                    if (variable.Identifier.ValueText == name)
                    {
                        found ??= variable;
                    }
                }
            }

            return found;
        }

        private static EquatableArray<string>? HttpMethods(InvocationExpressionSyntax invocation, SpeculativeScope scope)
        {
            IEnumerable<ExpressionSyntax>? elements = Argument(invocation, 1, "httpMethods") switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
                CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
                    collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
                _ => null,
            };
            if (elements is null)
            {
                return null;
            }

            var verbs = new List<string>();
            foreach (ExpressionSyntax element in elements)
            {
                if (element is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "HttpMethods" } } field)
                {
                    // HttpMethods.Post and friends are static readonly, not const.
                    verbs.Add(field.Name.Identifier.ValueText.ToUpperInvariant());
                }
                else if (scope.ConstantString(element) is string s)
                {
                    verbs.Add(s.ToUpperInvariant());
                }
                else
                {
                    return null;
                }
            }

            return verbs.Distinct().OrderBy(v => v, System.StringComparer.Ordinal).ToEquatableArray();
        }

        // The argument for a parameter of ASP.NET Core's Map* methods, which all take (pattern, [httpMethods,] handler) after
        // the receiver: by name, else by position.
        private static ExpressionSyntax? Argument(InvocationExpressionSyntax invocation, int position, string name)
        {
            var arguments = invocation.ArgumentList.Arguments;
            foreach (ArgumentSyntax argument in arguments)
            {
                if (argument.NameColon?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression;
                }
            }

            return position < arguments.Count && arguments[position].NameColon is null ? arguments[position].Expression : null;
        }

        private static bool IsEndpointRouteBuilder(ITypeSymbol type) =>
            IsEndpointRouteBuilderInterface(type) || type.AllInterfaces.Any(IsEndpointRouteBuilderInterface);

        private static bool IsEndpointRouteBuilderInterface(ITypeSymbol type) =>
            type is { Name: "IEndpointRouteBuilder", ContainingNamespace: { Name: "Routing" } routing } && EndpointReader.IsAspNetCoreNamespace(routing.ContainingNamespace);

        private static bool IsAspNetCoreBuilderNamespace(ITypeSymbol type) =>
            type.ContainingNamespace is { Name: "Builder" } builder && EndpointReader.IsAspNetCoreNamespace(builder.ContainingNamespace);

        /// <summary>
        /// Questions asked at a position outside any member body, each about a new node made for it: no member is bound, no
        /// semantic model of its own is made, no nullable analysis runs.
        /// </summary>
        private sealed class SpeculativeScope
        {
            // What a name binds to at a position depends on nothing but the two, so the answers are kept for the semantic model's
            // life: the handlers of one type share their scope position, and ask about the same parameter types and attribute
            // names again and again. The generator and the analyzer hand every node of a tree the same model.
            private static readonly ConditionalWeakTable<SemanticModel, ConcurrentDictionary<(int Position, string Name, Question Question), ISymbol?>> Answers = new();

            private readonly SemanticModel _model;
            private readonly int _position;
            private readonly ConcurrentDictionary<(int Position, string Name, Question Question), ISymbol?> _answers;

            public SpeculativeScope(SemanticModel model, int position)
            {
                _model = model;
                _position = position;
                _answers = Answers.GetValue(model, static _ => new ConcurrentDictionary<(int, string, Question), ISymbol?>());
            }

            private enum Question
            {
                Type,
                TypeOrNamespace,
                Expression,
                AttributeClass,
            }

            /// <summary>The type a type syntax names (nullable annotation aside); null when it does not bind.</summary>
            public ITypeSymbol? TypeOf(TypeSyntax type) =>
                (type is NullableTypeSyntax nullable ? nullable.ElementType : type) is NameSyntax name && !name.IsVar
                    ? Ask(name, Question.Type, static (scope, node) =>
                        AsName(node) is { } copy
                        && scope._model.GetSpeculativeTypeInfo(scope._position, copy, SpeculativeBindingOption.BindAsTypeOrNamespace).Type is { TypeKind: not TypeKind.Error } bound
                            ? bound
                            : null) as ITypeSymbol
                    : null;

            // The memoized answer to one question about a name; bind gets the name as written and binds a copy of it on a miss.
            private ISymbol? Ask(ExpressionSyntax name, Question question, System.Func<SpeculativeScope, ExpressionSyntax, ISymbol?> bind)
            {
                // A simple name's token text costs nothing; other shapes (qualified names) are rare enough to spell out.
                var key = (_position, name is IdentifierNameSyntax identifier ? identifier.Identifier.Text : name.ToString(), question);
                if (!_answers.TryGetValue(key, out ISymbol? answer))
                {
                    answer = _answers.GetOrAdd(key, bind(this, name));
                }

                return answer;
            }

            /// <summary>Whether an expression names ASP.NET Core's <c>Microsoft.AspNetCore.Builder.&lt;name&gt;</c> type.</summary>
            public bool IsType(ExpressionSyntax expression, string name) =>
                Ask(expression, Question.TypeOrNamespace, static (scope, node) =>
                    AsName(node) is { } copy ? scope._model.GetSpeculativeSymbolInfo(scope._position, copy, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol : null) is INamedTypeSymbol type
                && type.Name == name && IsAspNetCoreBuilderNamespace(type);

            // A constant field named by an identifier in scope here, or by Type.Member.
            private IFieldSymbol? ConstantField(ExpressionSyntax expression) =>
                Ask(expression, Question.Expression, static (scope, node) =>
                    AsName(node) is { } copy ? scope._model.GetSpeculativeSymbolInfo(scope._position, AsExpression(copy), SpeculativeBindingOption.BindAsExpression).Symbol : null)
                    is IFieldSymbol { HasConstantValue: true } field
                    ? field
                    : null;

            // A new name node for a (possibly qualified) name or member access: speculation binds nodes of no compilation's tree.
            // Made with SyntaxFactory rather than parsed from text, which costs a parser per call.
            private static NameSyntax? AsName(ExpressionSyntax expression) => expression switch
            {
                IdentifierNameSyntax identifier => SyntaxFactory.IdentifierName(identifier.Identifier),
                QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified when AsName(qualified.Left) is { } left =>
                    SyntaxFactory.QualifiedName(left, SyntaxFactory.IdentifierName(right.Identifier)),
                MemberAccessExpressionSyntax { Name: IdentifierNameSyntax right } access when access.IsKind(SyntaxKind.SimpleMemberAccessExpression) && AsName(access.Expression) is { } left =>
                    SyntaxFactory.QualifiedName(left, SyntaxFactory.IdentifierName(right.Identifier)),
                AliasQualifiedNameSyntax { Name: IdentifierNameSyntax right } alias =>
                    SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(alias.Alias.Identifier), SyntaxFactory.IdentifierName(right.Identifier)),
                _ => null,
            };

            private static ExpressionSyntax AsExpression(NameSyntax name) => name switch
            {
                QualifiedNameSyntax qualified => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, AsExpression(qualified.Left), qualified.Right),
                _ => name,
            };

            /// <summary>A string constant: a literal, a const field, or a concatenation of those; null otherwise.</summary>
            public string? ConstantString(ExpressionSyntax expression)
            {
                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        return literal.Token.ValueText;
                    case ParenthesizedExpressionSyntax parenthesized:
                        return ConstantString(parenthesized.Expression);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        return ConstantString(binary.Left) is string left && ConstantString(binary.Right) is string right ? left + right : null;
                    case IdentifierNameSyntax or MemberAccessExpressionSyntax when !ReferencesLocals(expression):
                        return ConstantField(expression) is { ConstantValue: string value } ? value : null;
                    default:
                        return null;
                }
            }

            /// <summary>
            /// The attribute: its class bound here by name, its constructor chosen by arity, its arguments' values read from their
            /// syntax — literals, const fields, enum members — as the compiler would store them. Null when that does not decide
            /// it: the name does not bind, the arity is ambiguous, or an argument is something else. Cheaper than binding the
            /// attribute whole (which binds its arguments and runs overload resolution).
            /// </summary>
            public BoundAttribute? Attribute(AttributeSyntax attribute)
            {
                if (AttributeType(attribute.Name) is not { } type)
                {
                    return null;
                }

                if (!AttributeSite.IsMeshAttributes(type))
                {
                    return new BoundAttribute(null, ImmutableArray<object?>.Empty, null);
                }

                // The constructor by arity: MeshAttributes' attributes have one per arity, and their arguments are constants.
                SeparatedSyntaxList<AttributeArgumentSyntax> arguments = attribute.ArgumentList?.Arguments ?? default;
                int positionalCount = 0;
                foreach (AttributeArgumentSyntax argument in arguments)
                {
                    positionalCount += argument.NameEquals is null ? 1 : 0;
                }

                IMethodSymbol? constructor = null;
                foreach (IMethodSymbol candidate in type.InstanceConstructors)
                {
                    if (candidate.DeclaredAccessibility == Accessibility.Public && candidate.Parameters.Length == positionalCount)
                    {
                        if (constructor is not null)
                        {
                            return null;
                        }

                        constructor = candidate;
                    }
                }

                if (constructor is null)
                {
                    return null;
                }

                var positional = new object?[constructor.Parameters.Length];
                Dictionary<string, object?>? named = null;
                int index = 0;
                foreach (AttributeArgumentSyntax argument in arguments)
                {
                    if (argument.NameEquals is { } property)
                    {
                        string name = property.Name.Identifier.ValueText;
                        ITypeSymbol? propertyType = type.GetMembers(name).FirstOrDefault() switch
                        {
                            IPropertySymbol p => p.Type,
                            IFieldSymbol f => f.Type,
                            _ => null,
                        };
                        if (propertyType is null || !TryConstant(argument.Expression, propertyType, out object? value))
                        {
                            return null;
                        }

                        (named ??= new Dictionary<string, object?>(System.StringComparer.Ordinal))[name] = value;
                        continue;
                    }

                    int parameter = argument.NameColon is { } colon ? ParameterIndex(constructor, colon.Name.Identifier.ValueText) : index++;
                    if (parameter < 0 || parameter >= positional.Length
                        || !TryConstant(argument.Expression, constructor.Parameters[parameter].Type, out positional[parameter]))
                    {
                        return null;
                    }
                }

                var site = new AttributeSite(
                    KnownNames.Qualified(type.MetadataName),
                    attribute.GetReference(),
                    AttributeSite.ParameterNames(constructor));
                // ImmutableArray.Create(T[]), not ToImmutableArray(): C# 14 would pick the ReadOnlySpan overload, which needs System.Memory.
                return new BoundAttribute(site, ImmutableArray.Create(positional), named);
            }

            // The attribute class an attribute name binds to. C# looks the name up as written and with the Attribute suffix; the
            // likelier spelling is tried first, because binding a name that does not resolve makes Roslyn search every referenced
            // assembly for a forwarded type to report. (Were both spellings attribute classes, the compiler would reject the
            // attribute as ambiguous, and no manifest would be written anyway.)
            private INamedTypeSymbol? AttributeType(NameSyntax name) =>
                Ask(name, Question.AttributeClass, static (scope, node) => AsName(node) is { } written ? scope.BindAttributeType(written) : null) as INamedTypeSymbol;

            private INamedTypeSymbol? BindAttributeType(NameSyntax written)
            {
                if (WithAttributeSuffix(written) is not { } suffixed)
                {
                    return null;
                }

                bool suffixedFirst = !written.ToString().EndsWith("Attribute", System.StringComparison.Ordinal);
                foreach (NameSyntax candidate in suffixedFirst ? new[] { suffixed, written } : new[] { written, suffixed })
                {
                    if (_model.GetSpeculativeSymbolInfo(_position, candidate, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol
                        is INamedTypeSymbol { TypeKind: TypeKind.Class } type && IsAttributeClass(type))
                    {
                        return type;
                    }
                }

                return null;
            }

            private static NameSyntax? WithAttributeSuffix(NameSyntax name) => name switch
            {
                IdentifierNameSyntax identifier => SyntaxFactory.IdentifierName(identifier.Identifier.ValueText + "Attribute"),
                QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified =>
                    SyntaxFactory.QualifiedName(qualified.Left, SyntaxFactory.IdentifierName(right.Identifier.ValueText + "Attribute")),
                AliasQualifiedNameSyntax { Name: IdentifierNameSyntax right } alias =>
                    SyntaxFactory.AliasQualifiedName(alias.Alias, SyntaxFactory.IdentifierName(right.Identifier.ValueText + "Attribute")),
                _ => null,
            };

            private static bool IsAttributeClass(INamedTypeSymbol type)
            {
                for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
                {
                    if (t is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
                    {
                        return true;
                    }
                }

                return false;
            }

            // An attribute argument's value as the compiler stores it for a parameter or property of type target.
            private bool TryConstant(ExpressionSyntax expression, ITypeSymbol target, out object? value)
            {
                value = null;
                object? raw;
                if (expression is LiteralExpressionSyntax { Token.Value: var literal } && !expression.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    raw = literal;
                }
                else if (expression is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax { Token.Value: var operand } } negation
                    && negation.IsKind(SyntaxKind.UnaryMinusExpression))
                {
                    raw = operand switch { int i => -i, double d => -d, _ => null };
                    if (raw is null)
                    {
                        return false;
                    }
                }
                else if (ConstantString(expression) is string text)
                {
                    raw = text;
                }
                else if (expression is IdentifierNameSyntax or MemberAccessExpressionSyntax && !ReferencesLocals(expression)
                    && ConstantField(expression) is { } field)
                {
                    raw = field.ConstantValue;
                }
                else
                {
                    return false;
                }

                switch (target.TypeKind == TypeKind.Enum ? SpecialType.System_Enum : target.SpecialType)
                {
                    case SpecialType.System_String when raw is string or null:
                    case SpecialType.System_Int32 when raw is int:
                    case SpecialType.System_Boolean when raw is bool:
                    case SpecialType.System_Enum when raw is int:
                        value = raw;
                        return true;
                    case SpecialType.System_Double when raw is int or double:
                        value = System.Convert.ToDouble(raw, System.Globalization.CultureInfo.InvariantCulture);
                        return true;
                    default:
                        return false;
                }
            }

            private static int ParameterIndex(IMethodSymbol method, string name)
            {
                for (int i = 0; i < method.Parameters.Length; i++)
                {
                    if (method.Parameters[i].Name == name)
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        /// <summary>An attribute bound on its own: its site (null for an attribute that is not MeshAttributes') and values.</summary>
        private sealed class BoundAttribute
        {
            private readonly ImmutableArray<object?> _positional;
            private readonly Dictionary<string, object?>? _named;

            public BoundAttribute(AttributeSite? site, ImmutableArray<object?> positional, Dictionary<string, object?>? named)
            {
                Site = site;
                _positional = positional;
                _named = named;
            }

            public AttributeSite? Site { get; }

            public object? Positional(int index) => index < _positional.Length ? _positional[index] : null;

            public object? Named(string name) => _named is not null && _named.TryGetValue(name, out object? value) ? value : null;
        }
    }
}
