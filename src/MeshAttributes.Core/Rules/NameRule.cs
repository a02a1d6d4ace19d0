using System.Collections.Generic;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH004: names and labels are ones Kubernetes accepts: service and namespace names are DNS-1123 labels, service
    /// account names DNS-1123 subdomains, and <c>MeshPrometheusRuleLabels</c> a list of Kubernetes labels. An invalid label
    /// refuses only the PrometheusRule, the one resource that carries it.
    /// </summary>
    public static class NameRule
    {
        public static readonly PolicyRule Rule = new(CheckService, null);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            void Check(string? value, string what, string attribute, string property, int? item = null)
            {
                if (value is not null && !DnsLabel.IsValid(value))
                {
                    var target = new FindingTarget(attribute, property, Item: item);
                    string fix = DnsLabel.Suggest(value) is string s ? $"; did you mean \"{s}\"?" : "; use lower-case letters, digits and '-'";
                    findings.Add(new Finding(
                        RuleIds.InvalidName,
                        FindingSeverity.Error,
                        $"{what} \"{value}\" is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters){fix}",
                        target));
                }
            }

            void CheckAccount(string? value, string attribute, int? item = null)
            {
                if (value is not null && !DnsSubdomain.IsValid(value))
                {
                    string fix = DnsSubdomain.Suggest(value) is string s ? $"; did you mean \"{s}\"?" : "; use lower-case letters, digits, '-' and '.'";
                    findings.Add(new Finding(
                        RuleIds.InvalidName,
                        FindingSeverity.Error,
                        $"Service account \"{value}\" is not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', each '.'-separated part starting and ending with a letter or digit, at most 253 characters), so no pod can run as it; write the account's name as in the Deployment's serviceAccountName{fix}",
                        new FindingTarget(attribute, "ServiceAccount", Item: item)));
                }
            }

            Check(service.Name, "Service name", "MeshService", "Name");
            Check(service.Namespace, "Namespace", "MeshService", "Namespace");
            CheckAccount(service.ServiceAccount, "MeshService");
            for (int i = 0; i < service.DependsOn.Count; i++)
            {
                Check(service.DependsOn[i].Service, "Dependency", "DependsOn", "Service", i);
                Check(service.DependsOn[i].Namespace, "Namespace", "DependsOn", "Namespace", i);
            }

            for (int i = 0; i < service.AllowCallers.Count; i++)
            {
                Check(service.AllowCallers[i].Service, "Caller", "AllowCaller", "Service", i);
                Check(service.AllowCallers[i].Namespace, "Namespace", "AllowCaller", "Namespace", i);
                CheckAccount(service.AllowCallers[i].ServiceAccount, "AllowCaller", i);
            }

            if (PrometheusRuleLabels.Parse(service.PrometheusRuleLabels).Error is string labelError)
            {
                findings.Add(new Finding(RuleIds.InvalidName, FindingSeverity.Error, labelError, new FindingTarget(PrometheusRuleLabels.Property)));
            }
        }
    }
}
