using System.Collections.Generic;
using System.Collections.Immutable;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>The single-service rule set, in catalog order; both the analyzers and the generator run it.</summary>
    public static class PolicyRules
    {
        public static readonly ImmutableArray<ServiceRule> All = ImmutableArray.Create<ServiceRule>(
            DurationRule.Check,
            RetryOnRule.Check,
            RangeRule.Check,
            NameRule.Check,
            ConflictingSettingsRule.Check,
            AlertThresholdRule.Check,
            AlertThresholdOrderRule.Check,
            NonIdempotentRetryRule.Check,
            RetriesExceedTimeoutRule.Check,
            UnboundedRetryRule.Check,
            UncappedRetriesRule.Check,
            EjectAllHostsRule.Check,
            ShadowedGatewayErrorsRule.Check,
            MutualTlsNotStrictRule.Check);

        public static ImmutableArray<Finding> Evaluate(ServiceSpec service)
        {
            // A loop rather than SelectMany: the analyzer evaluates once per endpoint, and nearly always finds nothing.
            ImmutableArray<Finding>.Builder? findings = null;
            foreach (ServiceRule rule in All)
            {
                foreach (Finding finding in rule(service))
                {
                    (findings ??= ImmutableArray.CreateBuilder<Finding>()).Add(finding);
                }
            }

            return findings?.ToImmutable() ?? ImmutableArray<Finding>.Empty;
        }

        /// <summary>The endpoint a finding concerns, in the words messages use.</summary>
        internal static string Where(ServiceSpec service, int? endpoint) =>
            endpoint is int i ? $"endpoint {service.Endpoints[i].DisplayName}" : $"service '{service.Name}'";

        /// <summary>Every <c>[Retry]</c> and <c>[Timeout]</c> with the endpoint it sits on (null for the service).</summary>
        internal static IEnumerable<(int? Endpoint, RetrySpec? Retry, TimeoutSpec? Timeout)> RoutePolicies(ServiceSpec service)
        {
            yield return (null, service.Retry, service.Timeout);
            for (int i = 0; i < service.Endpoints.Count; i++)
            {
                yield return (i, service.Endpoints[i].Retry, service.Endpoints[i].Timeout);
            }
        }
    }
}
