using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.Guard;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// A complete service model, with the front-end's own error when the service is declared twice, and the exception
    /// that stopped the generator before the model was complete (then it renders as MESH900, see <see cref="GeneratorGuard"/>).
    /// </summary>
    internal sealed record ServiceModel(ServiceSpec Spec, string? DuplicateError, GeneratorFailure? Failure = null)
    {
        public ImmutableArray<Finding> FrontEndErrors =>
            DuplicateError is null
                ? ImmutableArray<Finding>.Empty
                : ImmutableArray.Create(new Finding(RuleIds.ServiceScope, FindingSeverity.Error, DuplicateError, new FindingTarget("MeshService", "Name")));
    }
}
