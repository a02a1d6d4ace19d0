using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// MESH202: a call to a service that is not declared or not in the mesh. A Sidecar egress host (<c>[DependsOn]</c>) that
    /// names no service among the manifests checked is a typo or a service outside the mesh; a client the service's code
    /// retries (its in-app retries annotation) that names a service its Sidecar does not list is a call the mesh does not
    /// know of — refused under <c>outboundTrafficPolicy: REGISTRY_ONLY</c>, and missing from the dependency graph either way.
    /// </summary>
    public static class UndeclaredDependencyRule
    {
        public static IEnumerable<MeshFinding> Check(MeshGraph graph)
        {
            foreach (var (caller, item) in graph.Missing)
            {
                MeshService service = graph.Services[caller];
                DependencySpec dependency = service.Spec.DependsOn[item];
                string name = dependency.Namespace is { } ns ? $"{dependency.Service}' in namespace '{ns}" : dependency.Service;
                string message =
                    $"'{service.Spec.Name}' depends on '{name}' (its Sidecar egress host), but no manifest of that service is among those checked: " +
                    "a misspelt host, or a service outside the mesh, whose calls no rule can follow; fix the host, add that service's manifests to the check, or remove the dependency";
                var finding = new Finding(MeshRuleIds.UndeclaredDependency, FindingSeverity.Warning, message, new FindingTarget("DependsOn", Item: item));
                yield return new MeshFinding(finding, service.Key, service.Locations.Find(finding.Target), Array.Empty<string>());
            }

            foreach (MeshService service in graph.Services)
            {
                foreach (InAppRetrySpec client in service.InAppRetries)
                {
                    if (client.Target is not { } target || target == "*" || service.Spec.DependsOn.Any(d => Names(target, d.Service)))
                    {
                        continue;
                    }

                    string message =
                        $"the code of '{service.Spec.Name}' calls '{target}' (an HttpClient with in-app retries), but its Sidecar does not list it as a dependency: " +
                        $"under outboundTrafficPolicy REGISTRY_ONLY the call is refused, and the mesh view cannot see it; declare [DependsOn(\"{target}\")] on '{service.Spec.Name}'";
                    var finding = new Finding(MeshRuleIds.UndeclaredDependency, FindingSeverity.Warning, message, new FindingTarget("HttpClient"));
                    yield return new MeshFinding(finding, service.Key, service.Locations.Find(finding.Target), Array.Empty<string>());
                }
            }
        }

        private static bool Names(string target, string service) =>
            string.Equals(target, service, StringComparison.OrdinalIgnoreCase) || target.StartsWith(service + ".", StringComparison.OrdinalIgnoreCase);
    }
}
