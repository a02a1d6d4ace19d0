namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// Where a finding points, in terms a front-end can map back to source: the attribute (short name,
    /// e.g. <c>CircuitBreaker</c>; for a finding on an MSBuild property, the property's name, e.g.
    /// <c>MeshPrometheusRuleLabels</c>, which the analyzer reports at <c>[MeshService]</c>), the property or constructor parameter (C# property name, e.g.
    /// <c>Interval</c>; null for the attribute as a whole), the endpoint (index into
    /// <see cref="Model.ServiceSpec.Endpoints"/>; null for the service) and the item of a repeatable
    /// attribute such as <c>[DependsOn]</c>.
    /// </summary>
    public sealed record FindingTarget(string Attribute, string? Property = null, int? Endpoint = null, int? Item = null);
}
