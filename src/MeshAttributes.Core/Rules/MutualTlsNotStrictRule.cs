using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH106: PERMISSIVE accepts plaintext as well as mutual TLS, DISABLE accepts only plaintext. Either way any workload,
    /// meshed or not, can call the service without an identity, and principal-based AuthorizationPolicies
    /// (<c>[AllowCaller]</c>) no longer hold for plaintext callers.
    /// </summary>
    public static class MutualTlsNotStrictRule
    {
        public static readonly PolicyRule Rule = new(CheckService, null);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            if (service.MutualTls is not { } mtls || mtls.Mode == 0 || IstioEnums.MutualTlsMode(mtls.Mode) is not string mode)
            {
                return;
            }

            string accepts = mode == "DISABLE" ? "only plaintext" : "plaintext as well as mutual TLS";
            findings.Add(new Finding(
                RuleIds.MutualTlsNotStrict,
                FindingSeverity.Warning,
                $"Mutual TLS of service '{service.Name}' is {mode}, which accepts {accepts}: any workload, meshed or not, can call it without an identity, traffic can be read on the wire, and [AllowCaller] policies do not hold for plaintext callers; write [MutualTls(MutualTlsMode.Strict)] (or remove the attribute: STRICT is the default) once every caller has a sidecar",
                new FindingTarget("MutualTls", "Mode"))
                .With(FindingProperties.Replacement, "Strict"));
        }
    }
}
