using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Generators
{
    /// <summary>A complete service model, and how many <c>[MeshService]</c> declare its name in the project (one, unless in error).</summary>
    internal sealed record ServiceModel(ServiceSpec Spec, int Declarations)
    {
        /// <summary>The message of the front-end's own error when the service is declared more than once; null otherwise.</summary>
        public string? DuplicateError => Declarations > 1 ? DuplicateServiceRule.Finding(Spec.Name, Declarations).Message : null;

        public ImmutableArray<Finding> FrontEndErrors =>
            Declarations > 1 ? ImmutableArray.Create(DuplicateServiceRule.Finding(Spec.Name, Declarations)) : ImmutableArray<Finding>.Empty;
    }
}
