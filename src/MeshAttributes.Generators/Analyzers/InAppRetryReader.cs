using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// Recognises an in-app retry on an outbound HttpClient and the service it calls:
    /// <c>AddStandardResilienceHandler</c> (3 retries unless <c>MaxRetryAttempts</c> says otherwise),
    /// <c>AddResilienceHandler</c> whose pipeline calls Polly's <c>AddRetry</c>, and <c>AddPolicyHandler</c> /
    /// <c>AddTransientHttpErrorPolicy</c> with a Polly v7 <c>Retry</c>/<c>WaitAndRetry</c> policy. The client is followed back
    /// through the fluent chain or a local to its <c>AddHttpClient</c> (its BaseAddress host, else its name), or to
    /// <c>ConfigureHttpClientDefaults</c>, which configures every client.
    /// </summary>
    internal static class InAppRetryReader
    {
        private const int StandardRetries = 3; // HttpRetryStrategyOptions / RetryStrategyOptions.MaxRetryAttempts
        private const int MaxDepth = 16;

        private static readonly HashSet<string> Entry = new(StringComparer.Ordinal)
        {
            "AddStandardResilienceHandler", "AddResilienceHandler", "AddPolicyHandler", "AddTransientHttpErrorPolicy",
        };

        private static readonly HashSet<string> PollyV7Retries = new(StringComparer.Ordinal)
        {
            "Retry", "RetryAsync", "WaitAndRetry", "WaitAndRetryAsync", "RetryForever", "RetryForeverAsync", "WaitAndRetryForever", "WaitAndRetryForeverAsync",
        };

        /// <summary>Syntax-only filter: whether the invocation may add an in-app retry.</summary>
        public static bool IsCandidate(InvocationExpressionSyntax invocation) =>
            invocation.Expression is MemberAccessExpressionSyntax access && Entry.Contains(access.Name.Identifier.ValueText);

        public static InAppRetrySpec? Read(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax access
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions", StringComparison.Ordinal) != true)
            {
                return null;
            }

            string name = access.Name.Identifier.ValueText;
            int retries;
            bool exact = true;
            switch (name)
            {
                case "AddStandardResilienceHandler":
                    retries = MaxRetryAttempts(invocation.ArgumentList) ?? StandardRetries;
                    break;
                case "AddResilienceHandler":
                    var addRetry = invocation.ArgumentList.DescendantNodes().OfType<InvocationExpressionSyntax>()
                        .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddRetry" });
                    if (addRetry is null)
                    {
                        return null;
                    }

                    retries = MaxRetryAttempts(addRetry.ArgumentList) ?? StandardRetries;
                    break;
                default:
                    var policy = PolicyExpressions(invocation, model, cancellationToken)
                        .SelectMany(e => e.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
                        .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax m && PollyV7Retries.Contains(m.Name.Identifier.ValueText));
                    if (policy is null)
                    {
                        return null;
                    }

                    (retries, exact) = PolicyRetries(policy, model, cancellationToken);
                    break;
            }

            return new InAppRetrySpec(name, Target(access.Expression, model, cancellationToken, 0), retries, exact);
        }

        // The policy argument, and the initializer of a local or field it names.
        private static IEnumerable<SyntaxNode> PolicyExpressions(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                yield return argument.Expression;
                if (argument.Expression is IdentifierNameSyntax && model.GetSymbolInfo(argument.Expression, cancellationToken).Symbol is { } symbol)
                {
                    foreach (var reference in symbol.DeclaringSyntaxReferences)
                    {
                        if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
                        {
                            yield return value;
                        }
                    }
                }
            }
        }

        private static (int Retries, bool Exact) PolicyRetries(InvocationExpressionSyntax policy, SemanticModel model, CancellationToken cancellationToken)
        {
            string name = ((MemberAccessExpressionSyntax)policy.Expression).Name.Identifier.ValueText;
            if (name.Contains("Forever"))
            {
                return (1, false);
            }

            ExpressionSyntax? first = policy.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            if (first is null)
            {
                return (1, true); // RetryAsync() retries once
            }

            if (model.GetConstantValue(first, cancellationToken) is { HasValue: true, Value: int count })
            {
                return (count, true);
            }

            int? listed = first switch
            {
                ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions.Count,
                ImplicitArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions.Count,
                _ => null,
            };
            return listed is int n ? (n, true) : (1, false);
        }

        private static int? MaxRetryAttempts(ArgumentListSyntax arguments)
        {
            foreach (var assignment in arguments.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                string? left = assignment.Left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (left == "MaxRetryAttempts" && assignment.Right is LiteralExpressionSyntax { Token.Value: int value })
                {
                    return value;
                }
            }

            return null;
        }

        // The service a client builder stands for: "*" for ConfigureHttpClientDefaults, the BaseAddress host or client name
        // for AddHttpClient, null when the chain leads elsewhere.
        private static string? Target(ExpressionSyntax receiver, SemanticModel model, CancellationToken cancellationToken, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            switch (receiver)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } call:
                    return inner.Name.Identifier.ValueText == "AddHttpClient"
                        ? ClientTarget(call, model, cancellationToken)
                        : Target(inner.Expression, model, cancellationToken, depth + 1);
                case ParenthesizedExpressionSyntax parenthesized:
                    return Target(parenthesized.Expression, model, cancellationToken, depth + 1);
                case IdentifierNameSyntax identifier:
                    switch (model.GetSymbolInfo(identifier, cancellationToken).Symbol)
                    {
                        case ILocalSymbol local:
                            foreach (var reference in local.DeclaringSyntaxReferences)
                            {
                                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value })
                                {
                                    return Target(value, model, cancellationToken, depth + 1);
                                }
                            }

                            return null;
                        case IParameterSymbol:
                            // b => b.AddStandardResilienceHandler() inside ConfigureHttpClientDefaults(...)
                            return identifier.FirstAncestorOrSelf<ArgumentSyntax>()?.Parent?.Parent is InvocationExpressionSyntax
                            {
                                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureHttpClientDefaults" },
                            }
                                ? "*"
                                : null;
                        default:
                            return null;
                    }

                default:
                    return null;
            }
        }

        private static string? ClientTarget(InvocationExpressionSyntax addHttpClient, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var assignment in addHttpClient.ArgumentList.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" } or IdentifierNameSyntax { Identifier.ValueText: "BaseAddress" }
                    && assignment.Right is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } uriArguments }
                    && model.GetConstantValue(uriArguments[0].Expression, cancellationToken) is { HasValue: true, Value: string uri }
                    && Uri.TryCreate(uri, UriKind.Absolute, out Uri? parsed))
                {
                    return parsed.Host;
                }
            }

            foreach (ArgumentSyntax argument in addHttpClient.ArgumentList.Arguments)
            {
                if (model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string name })
                {
                    return name;
                }
            }

            return null;
        }
    }
}
