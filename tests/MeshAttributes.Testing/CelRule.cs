using System.Collections.Generic;
using MeshAttributes.Testing.Cel;

namespace MeshAttributes.Testing;

/// <summary>
/// One CRD validation rule (<c>x-kubernetes-validations</c>): <see cref="Path"/> is written as in
/// <c>cel-rules.1.30.3.v1.txt</c>, e.g. <c>.spec.http[].timeout</c> (<c>[]</c> every item, <c>{}</c> every map value).
/// </summary>
/// <param name="Crd">CRD name, e.g. <c>destinationrules.networking.istio.io</c>.</param>
/// <param name="Path">Where <c>self</c> is bound.</param>
/// <param name="Expression">The CEL expression; the value is valid when it yields true.</param>
/// <param name="Message">What the API server says when it does not.</param>
public sealed record CelRule(string Crd, string Path, string Expression, string Message)
{
    /// <summary>Functions and macros the expression calls that this validator cannot evaluate (empty when it can).</summary>
    public IReadOnlyList<string> UnsupportedFunctions => CelRuleEvaluator.UnsupportedFunctionsOf(Expression);

    /// <inheritdoc/>
    public override string ToString() => $"{Crd} {Path}: {Expression} -- {Message}";
}
