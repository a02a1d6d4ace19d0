using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Where each value of one service was read, keyed the way findings name it (<see cref="FindingTarget"/>: attribute,
    /// property, endpoint, item), so a finding of a rule written for attributes points at the YAML field it is about.
    /// </summary>
    public sealed class ManifestLocations
    {
        private readonly Dictionary<string, SourceLocation> _locations = new(System.StringComparer.Ordinal);

        /// <summary>The first resource read for the service: where a finding on the service as a whole points.</summary>
        public SourceLocation? Service { get; private set; }

        internal void SetService(SourceLocation location) => Service ??= location;

        internal void Set(string attribute, string? property, int? endpoint, int? item, SourceLocation location) =>
            _locations[Key(attribute, property, endpoint, item)] = location;

        /// <summary>
        /// The location of the value a finding is about; failing that the enclosing part (the attribute on that endpoint,
        /// the attribute on the service), failing that the service.
        /// </summary>
        public SourceLocation? Find(FindingTarget target)
        {
            if (_locations.TryGetValue(Key(target.Attribute, target.Property, target.Endpoint, target.Item), out var exact)
                || _locations.TryGetValue(Key(target.Attribute, target.Property, target.Endpoint, null), out exact)
                || _locations.TryGetValue(Key(target.Attribute, null, target.Endpoint, null), out exact)
                || _locations.TryGetValue(Key(target.Attribute, target.Property, null, null), out exact)
                || _locations.TryGetValue(Key(target.Attribute, null, null, null), out exact))
            {
                return exact;
            }

            return Service;
        }

        private static string Key(string attribute, string? property, int? endpoint, int? item) =>
            attribute + "|" + property + "|" + endpoint?.ToString(CultureInfo.InvariantCulture) + "|" + item?.ToString(CultureInfo.InvariantCulture);
    }
}
