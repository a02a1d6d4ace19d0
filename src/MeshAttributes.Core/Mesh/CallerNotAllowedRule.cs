using System.Collections.Generic;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// MESH203: a service calls one whose ALLOW AuthorizationPolicy does not admit it. Istio denies every request an ALLOW
    /// policy does not match, so each call fails with 403 (<c>RBAC: access denied</c>). The caller's identity is the
    /// principal mutual TLS proves, <c>cluster.local/ns/&lt;namespace&gt;/sa/&lt;service account&gt;</c>, the account its
    /// manifests name in <c>meshattributes.io/service-account</c> (else its name).
    /// </summary>
    public static class CallerNotAllowedRule
    {
        public static IEnumerable<MeshFinding> Check(MeshGraph graph)
        {
            foreach (MeshEdge edge in graph.Edges)
            {
                MeshService caller = graph.Services[edge.Caller];
                MeshService callee = graph.Services[edge.Callee];
                string ns = caller.Spec.EffectiveNamespace;
                if (callee.Admission is not { } admission || admission.Admits(ns, caller.ServiceAccount))
                {
                    continue;
                }

                string allow = caller.ServiceAccount == caller.Spec.Name
                    ? $"[AllowCaller(\"{caller.Spec.Name}\")]"
                    : $"[AllowCaller(\"{caller.Spec.Name}\", ServiceAccount = \"{caller.ServiceAccount}\")]";
                string policy = callee.Locations.Find(new FindingTarget("AllowCaller")) is { } at ? $" ({at})" : string.Empty;
                string message =
                    $"'{caller.Spec.Name}' calls '{callee.Spec.Name}', but the AuthorizationPolicy of '{callee.Spec.Name}'{policy} does not admit its identity {CallerAdmission.Principal(ns, caller.ServiceAccount)}: " +
                    $"every call is denied (403 RBAC: access denied); add {allow} to '{callee.Spec.Name}' (the principal to its policy), or remove the dependency";
                var finding = new Finding(MeshRuleIds.CallerNotAllowed, FindingSeverity.Error, message, new FindingTarget("DependsOn", Item: edge.Item));
                yield return new MeshFinding(finding, caller.Key, caller.Locations.Find(finding.Target), new[] { caller.Spec.Name, callee.Spec.Name });
            }
        }
    }
}
