using System.Collections.Immutable;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// Where a finding's attributes may sit, most specific first: an endpoint's own attributes, then its controller's, then the
    /// service's. A finding is reported at the first owner that carries the attribute; when the endpoint inherits it, at
    /// <see cref="Fallback"/> (the endpoint itself) with the inherited argument as an additional location.
    /// </summary>
    internal sealed class PolicyOwner
    {
        public PolicyOwner(ImmutableArray<ImmutableArray<AttributeSite>> levels, Location fallback)
        {
            Levels = levels;
            Fallback = fallback;
        }

        public ImmutableArray<ImmutableArray<AttributeSite>> Levels { get; }

        public Location Fallback { get; }
    }
}
