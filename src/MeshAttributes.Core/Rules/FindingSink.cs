using System.Collections.Generic;
using System.Collections.Immutable;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// Where rules put their findings. Nearly every check finds nothing (the analyzer checks every endpoint of a service), so
    /// nothing is allocated until the first finding.
    /// </summary>
    internal sealed class FindingSink
    {
        private ImmutableArray<Finding>.Builder? _findings;

        public void Add(Finding finding) => (_findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(finding);

        public ImmutableArray<Finding> ToImmutable() => _findings?.ToImmutable() ?? ImmutableArray<Finding>.Empty;

        public IReadOnlyList<Finding> ToList() => _findings is null ? System.Array.Empty<Finding>() : _findings.ToArray();
    }
}
