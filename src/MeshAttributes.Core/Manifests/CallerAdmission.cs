using System;
using System.Collections.Generic;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// The sources a service's ALLOW AuthorizationPolicies admit. A request is allowed when any rule matches it; a rule with
    /// no <c>from</c> matches every source; a source matches when each of its <c>principals</c> and <c>namespaces</c> lists
    /// (when present) has a matching entry. Istio's pattern forms are understood: exact, <c>*</c>, <c>prefix*</c>, <c>*suffix</c>.
    /// A rule's <c>to</c> and <c>when</c> are not checked: a caller admitted for some requests counts as admitted.
    /// </summary>
    public sealed class CallerAdmission
    {
        private readonly List<(IReadOnlyList<string>? Principals, IReadOnlyList<string>? Namespaces)> _sources = new();

        /// <summary>Whether some rule has no <c>from</c> and so admits every caller.</summary>
        public bool AnySource { get; private set; }

        internal void AdmitAnySource() => AnySource = true;

        internal void AddSource(IReadOnlyList<string>? principals, IReadOnlyList<string>? namespaces) => _sources.Add((principals, namespaces));

        /// <summary>The SPIFFE identity Istio's mutual TLS proves for a workload: <c>cluster.local/ns/&lt;ns&gt;/sa/&lt;account&gt;</c>.</summary>
        public static string Principal(string @namespace, string serviceAccount) => $"cluster.local/ns/{@namespace}/sa/{serviceAccount}";

        /// <summary>Whether a workload in <paramref name="namespace"/> running as <paramref name="serviceAccount"/> is admitted.</summary>
        public bool Admits(string @namespace, string serviceAccount)
        {
            if (AnySource)
            {
                return true;
            }

            string principal = Principal(@namespace, serviceAccount);
            foreach (var (principals, namespaces) in _sources)
            {
                if ((principals is null || AnyMatch(principals, principal)) && (namespaces is null || AnyMatch(namespaces, @namespace)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AnyMatch(IReadOnlyList<string> patterns, string value)
        {
            foreach (string pattern in patterns)
            {
                if (Matches(pattern, value))
                {
                    return true;
                }
            }

            return false;
        }

        internal static bool Matches(string pattern, string value) =>
            pattern == "*"
            || string.Equals(pattern, value, StringComparison.Ordinal)
            || (pattern.EndsWith("*", StringComparison.Ordinal) && value.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal))
            || (pattern.StartsWith("*", StringComparison.Ordinal) && value.EndsWith(pattern.Substring(1), StringComparison.Ordinal));
    }
}
