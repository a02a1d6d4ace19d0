using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// One service as its manifests describe it: the same <see cref="ServiceSpec"/> the generator builds from attributes,
    /// the identity its pods run as, the retries its own code adds on top of the mesh, and where every value was read.
    /// </summary>
    /// <param name="Spec">The policy; <see cref="ServiceSpec.DependsOn"/> from its Sidecar, <see cref="ServiceSpec.AllowCallers"/> from its AuthorizationPolicies.</param>
    /// <param name="ServiceAccount">The Kubernetes service account its pods run as (the service's name unless its manifests say otherwise).</param>
    /// <param name="InAppRetries">In-app retries per called service, from the Sidecar's <c>meshattributes.io/in-app-retries</c> annotation.</param>
    /// <param name="Admission">The callers its ALLOW AuthorizationPolicies admit; null when none selects it, so every caller is admitted.</param>
    /// <param name="Locations">Where each value was read.</param>
    public sealed record MeshService(
        ServiceSpec Spec,
        string ServiceAccount,
        IReadOnlyList<InAppRetrySpec> InAppRetries,
        CallerAdmission? Admission,
        ManifestLocations Locations)
    {
        /// <summary><c>namespace/name</c>: how the mesh view tells services apart.</summary>
        public string Key => Spec.EffectiveNamespace + "/" + Spec.Name;
    }
}
