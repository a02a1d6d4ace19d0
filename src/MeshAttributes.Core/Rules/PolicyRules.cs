using System.Collections.Immutable;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>The single-service rule set, in catalog order; both the analyzers and the generator run it.</summary>
    public static class PolicyRules
    {
        public static readonly ImmutableArray<PolicyRule> All = ImmutableArray.Create(
            DurationRule.Rule,
            RetryOnRule.Rule,
            RangeRule.Rule,
            NameRule.Rule,
            ConflictingSettingsRule.Rule,
            AlertThresholdRule.Rule,
            AlertThresholdOrderRule.Rule,
            IstioReleaseRule.Rule,
            NonIdempotentRetryRule.Rule,
            RetriesExceedTimeoutRule.Rule,
            UnboundedRetryRule.Rule,
            UncappedRetriesRule.Rule,
            EjectAllHostsRule.Rule,
            ShadowedGatewayErrorsRule.Rule,
            MutualTlsNotStrictRule.Rule);

        /// <summary>Every finding on the service and its endpoints, rule by rule in catalog order.</summary>
        public static ImmutableArray<Finding> Evaluate(ServiceSpec service)
        {
            var findings = new FindingSink();
            foreach (PolicyRule rule in All)
            {
                rule.CheckAll(service, findings);
            }

            return findings.ToImmutable();
        }

        /// <summary>The findings on the service's own settings and default route: those with no endpoint.</summary>
        public static ImmutableArray<Finding> EvaluateService(ServiceSpec service)
        {
            var findings = new FindingSink();
            foreach (PolicyRule rule in All)
            {
                rule.CheckService(service, findings);
            }

            return findings.ToImmutable();
        }

        /// <summary>
        /// The findings on one endpoint of <paramref name="service"/>, which need not list it: <paramref name="index"/> is the
        /// endpoint the findings name. The same as <see cref="Evaluate"/>'s findings for that endpoint.
        /// </summary>
        public static ImmutableArray<Finding> EvaluateEndpoint(ServiceSpec service, EndpointSpec endpoint, int index)
        {
            var findings = new FindingSink();
            foreach (PolicyRule rule in All)
            {
                rule.CheckEndpoint(service, endpoint, index, findings);
            }

            return findings.ToImmutable();
        }

        /// <summary>The endpoint a finding concerns, in the words messages use.</summary>
        internal static string Where(ServiceSpec service, EndpointSpec? endpoint) =>
            endpoint is not null ? $"endpoint {endpoint.DisplayName}" : $"service '{service.Name}'";
    }
}
