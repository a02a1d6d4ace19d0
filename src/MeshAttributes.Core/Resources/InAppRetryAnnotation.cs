using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The Sidecar annotation that records the retries a service's own code makes on its outbound calls, which no Istio
    /// resource carries: <c>meshattributes.io/in-app-retries: "inventory-service=3,payment-service=2+"</c>. Each entry is
    /// the called service (its name, its host, or <c>*</c> for every client) and the retries after the first try; a
    /// trailing <c>+</c> marks a lower bound (the count could not be read from source). Entries are sorted, so output is stable.
    /// The mesh view multiplies these layers into the tries along a call path.
    /// </summary>
    public static class InAppRetryAnnotation
    {
        public const string Key = "meshattributes.io/in-app-retries";

        /// <summary>Adds the annotation to <paramref name="resource"/>'s metadata when the service's code retries a known target.</summary>
        public static MapNode Annotate(MapNode resource, ServiceSpec service)
        {
            if (Format(service.InAppRetries) is not { } value)
            {
                return resource;
            }

            MapNode metadata = Entry(resource, "metadata") ?? throw new ArgumentException("The resource has no metadata.", nameof(resource));
            if (Entry(metadata, "annotations") is { } annotations)
            {
                annotations.Set(Key, value);
            }
            else
            {
                metadata.Set("annotations", new MapNode().Set(Key, value));
            }

            return resource;
        }

        private static MapNode? Entry(MapNode map, string key)
        {
            for (int i = 0; i < map.Count; i++)
            {
                if (map[i].Key == key)
                {
                    return map[i].Value as MapNode;
                }
            }

            return null;
        }

        /// <summary>The annotation's value, or null when no client with a known target retries.</summary>
        public static string? Format(IEnumerable<InAppRetrySpec> retries)
        {
            // One entry per target: the most retries any of its clients makes, exact only if every such client is.
            var entries = retries
                .Where(r => r.Target is not null && r.Retries > 0)
                .GroupBy(r => r.Target!, StringComparer.OrdinalIgnoreCase)
                .Select(g =>
                {
                    int most = g.Max(r => r.Retries);
                    bool exact = g.Where(r => r.Retries == most).All(r => r.Exact);
                    return g.Key.ToLowerInvariant() + "=" + most.ToString(CultureInfo.InvariantCulture) + (exact ? string.Empty : "+");
                })
                .OrderBy(e => e, StringComparer.Ordinal)
                .ToList();
            return entries.Count == 0 ? null : string.Join(",", entries);
        }

        /// <summary>Reads the annotation's value; on failure <paramref name="error"/> says what is wrong and what to write.</summary>
        public static bool TryParse(string value, out List<InAppRetrySpec> retries, out string? error)
        {
            retries = new List<InAppRetrySpec>();
            error = null;
            foreach (string raw in value.Split(','))
            {
                string entry = raw.Trim();
                if (entry.Length == 0)
                {
                    continue;
                }

                int eq = entry.IndexOf('=');
                string count = eq < 0 ? string.Empty : entry.Substring(eq + 1).Trim();
                bool exact = !count.EndsWith("+", StringComparison.Ordinal);
                if (!exact)
                {
                    count = count.Substring(0, count.Length - 1);
                }

                if (eq <= 0 || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                {
                    error = $"'{entry}' in the {Key} annotation is not <service>=<retries>; write e.g. \"inventory-service=3\" (\"=3+\" for at least 3)";
                    return false;
                }

                retries.Add(new InAppRetrySpec("in-app retry", entry.Substring(0, eq).Trim(), n, exact));
            }

            return true;
        }
    }
}
