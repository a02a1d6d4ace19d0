using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH004: service and namespace names are DNS-1123 labels, as Kubernetes requires.</summary>
    public static class NameRule
    {
        public static IEnumerable<Finding> Check(ServiceSpec service)
        {
            var findings = new List<Finding>();
            void Check(string? value, string what, FindingTarget target)
            {
                if (value is not null && !DnsLabel.IsValid(value))
                {
                    string fix = DnsLabel.Suggest(value) is string s ? $"; did you mean \"{s}\"?" : "; use lower-case letters, digits and '-'";
                    findings.Add(new Finding(
                        RuleIds.InvalidName,
                        FindingSeverity.Error,
                        $"{what} \"{value}\" is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters){fix}",
                        target));
                }
            }

            Check(service.Name, "Service name", new FindingTarget("MeshService", "Name"));
            Check(service.Namespace, "Namespace", new FindingTarget("MeshService", "Namespace"));
            for (int i = 0; i < service.DependsOn.Count; i++)
            {
                Check(service.DependsOn[i].Service, "Dependency", new FindingTarget("DependsOn", "Service", Item: i));
                Check(service.DependsOn[i].Namespace, "Namespace", new FindingTarget("DependsOn", "Namespace", Item: i));
            }

            for (int i = 0; i < service.AllowCallers.Count; i++)
            {
                Check(service.AllowCallers[i].Service, "Caller", new FindingTarget("AllowCaller", "Service", Item: i));
                Check(service.AllowCallers[i].Namespace, "Namespace", new FindingTarget("AllowCaller", "Namespace", Item: i));
                Check(service.AllowCallers[i].ServiceAccount, "Service account", new FindingTarget("AllowCaller", "ServiceAccount", Item: i));
            }

            return findings;
        }
    }
}
