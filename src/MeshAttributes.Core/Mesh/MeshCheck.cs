using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// <c>mesh check</c>: every single-service rule on every service read from YAML (the same <see cref="PolicyRules"/> the
    /// analyzers run on attributes), then the mesh-wide rules MESH200–MESH204 over the call graph. Findings come grouped by
    /// service (namespace/name order), then in file order.
    /// </summary>
    public static class MeshCheck
    {
        public static IReadOnlyList<MeshFinding> Run(MeshManifests manifests, MeshCheckOptions? options = null) =>
            Run(MeshGraph.Build(manifests.Services), options ?? new MeshCheckOptions());

        public static IReadOnlyList<MeshFinding> Run(MeshGraph graph, MeshCheckOptions options)
        {
            var findings = new List<MeshFinding>();
            foreach (MeshService service in graph.Services)
            {
                foreach (Finding finding in PolicyRules.Evaluate(service.Spec))
                {
                    findings.Add(new MeshFinding(finding, service.Key, service.Locations.Find(finding.Target), Array.Empty<string>()));
                }
            }

            findings.AddRange(RetryAmplificationRule.Check(graph, options));
            findings.AddRange(TimeoutInversionRule.Check(graph));
            findings.AddRange(UndeclaredDependencyRule.Check(graph));
            findings.AddRange(CallerNotAllowedRule.Check(graph));
            findings.AddRange(DependencyCycleRule.Check(graph));
            return findings
                .OrderBy(f => f.Service, StringComparer.Ordinal)
                .ThenBy(f => f.Location?.File, StringComparer.Ordinal)
                .ThenBy(f => f.Location?.Line ?? 0)
                .ThenBy(f => f.Location?.Column ?? 0)
                .ThenBy(f => f.Id, StringComparer.Ordinal)
                .ToList();
        }
    }
}
