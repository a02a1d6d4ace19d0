using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.Guard;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// A complete service model, how many <c>[MeshService]</c> declare its name in the project (one, unless in error), and the
    /// exception that stopped the generator before the model was complete (then it renders as MESH900, see <see cref="GeneratorGuard"/>).
    /// </summary>
    internal sealed record ServiceModel(ServiceSpec Spec, int Declarations, GeneratorFailure? Failure = null)
    {
        /// <summary>The message of the front-end's own error when the service is declared more than once; null otherwise.</summary>
        public string? DuplicateError => Declarations > 1 ? DuplicateServiceRule.Finding(Spec.Name, Declarations).Message : null;

        public ImmutableArray<Finding> FrontEndErrors =>
            Declarations > 1 ? ImmutableArray.Create(DuplicateServiceRule.Finding(Spec.Name, Declarations)) : ImmutableArray<Finding>.Empty;
    }
}
