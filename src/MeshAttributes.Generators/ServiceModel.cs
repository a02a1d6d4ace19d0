using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Generators
{
    /// <summary>A complete service model, with the front-end's own error when the service is declared twice.</summary>
    internal sealed record ServiceModel(ServiceSpec Spec, string? DuplicateError)
    {
        public ImmutableArray<Finding> FrontEndErrors =>
            DuplicateError is null
                ? ImmutableArray<Finding>.Empty
                : ImmutableArray.Create(new Finding(RuleIds.ServiceScope, FindingSeverity.Error, DuplicateError, new FindingTarget("MeshService", "Name")));
    }
}
