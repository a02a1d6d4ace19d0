using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.FrontEnd;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>Turns a Core finding into a diagnostic at the exact argument it concerns.</summary>
    internal static class FindingReporter
    {
        /// <summary>Index into the diagnostic's additional locations of the <c>Timeout</c> argument in effect (MESH101).</summary>
        public const string TimeoutLocation = "TimeoutLocation";

        /// <summary>Index into the diagnostic's additional locations of the <c>Attempts</c> argument in effect (MESH101).</summary>
        public const string AttemptsLocation = "AttemptsLocation";

        public static Diagnostic ToDiagnostic(Finding finding, PolicyOwner owner, CancellationToken cancellationToken)
        {
            FindingTarget target = finding.Target;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            foreach (var pair in finding.Properties)
            {
                properties[pair.Key] = pair.Value;
            }

            var additional = new List<Location>();
            Location primary = owner.Fallback;
            AttributeSite? own = AttributeLocator.Find(owner.Levels[0], target.Attribute, target.Item ?? 0);
            if (own is not null)
            {
                primary = AttributeLocator.Locate(own, target.Property, cancellationToken) ?? owner.Fallback;
            }
            else if (Inherited(owner, target.Attribute, target.Property, cancellationToken) is Location inherited)
            {
                additional.Add(inherited);
            }

            if (properties.ContainsKey(FindingProperties.Inherited))
            {
                properties[FindingProperties.Inherited] = own is null ? "true" : "false";
            }

            if (finding.Id == RuleIds.RetriesExceedTimeout)
            {
                AddInEffect(owner, "Timeout", "Timeout", TimeoutLocation, additional, properties, cancellationToken);
                AddInEffect(owner, "Retry", "Attempts", AttemptsLocation, additional, properties, cancellationToken);
            }

            return Diagnostic.Create(Descriptors.ForId(finding.Id), primary, additional, properties.ToImmutable(), finding.Message);
        }

        private static Location? Inherited(PolicyOwner owner, string attribute, string? property, CancellationToken cancellationToken)
        {
            for (int level = 1; level < owner.Levels.Length; level++)
            {
                if (AttributeLocator.Find(owner.Levels[level], attribute) is { } found)
                {
                    return AttributeLocator.Locate(found, property, cancellationToken);
                }
            }

            return null;
        }

        private static void AddInEffect(
            PolicyOwner owner, string attribute, string property, string key, List<Location> additional,
            ImmutableDictionary<string, string?>.Builder properties, CancellationToken cancellationToken)
        {
            foreach (var level in owner.Levels)
            {
                if (AttributeLocator.Find(level, attribute) is { } found)
                {
                    if (AttributeLocator.Locate(found, property, cancellationToken) is { } location)
                    {
                        properties[key] = additional.Count.ToString(CultureInfo.InvariantCulture);
                        additional.Add(location);
                    }

                    return;
                }
            }
        }
    }
}
