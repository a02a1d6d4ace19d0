using System.Collections.Generic;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>A rule <c>mesh check</c> reports, with what a report needs to describe it: its title and default severity.</summary>
    public sealed record MeshRule(string Id, string Title, FindingSeverity Severity)
    {
        /// <summary>The rule's page under docs/rules.</summary>
        public string HelpUri => "https://github.com/meshattributes/meshattributes/blob/main/docs/rules/" + Id + ".md";

        /// <summary>Every rule <c>mesh check</c> runs, in catalog order: the single-service rules, then the mesh-wide ones.</summary>
        public static readonly IReadOnlyList<MeshRule> All = new[]
        {
            new MeshRule(RuleIds.InvalidDuration, "Not an Istio duration", FindingSeverity.Error),
            new MeshRule(RuleIds.InvalidRetryOn, "Unknown RetryOn condition", FindingSeverity.Error),
            new MeshRule(RuleIds.OutOfRange, "Value out of range", FindingSeverity.Error),
            new MeshRule(RuleIds.InvalidName, "Not a DNS-1123 label", FindingSeverity.Error),
            new MeshRule(RuleIds.ServiceScope, "Policy attribute without its service", FindingSeverity.Error),
            new MeshRule(RuleIds.ConflictingSettings, "Settings Istio ignores together", FindingSeverity.Error),
            new MeshRule(RuleIds.InvalidAlertThreshold, "Alert threshold out of range", FindingSeverity.Error),
            new MeshRule(RuleIds.InvertedAlertThresholds, "Warning threshold not below the critical one", FindingSeverity.Error),
            new MeshRule(RuleIds.NonIdempotentRetry, "Non-idempotent endpoint retried on replaying conditions", FindingSeverity.Warning),
            new MeshRule(RuleIds.RetriesExceedTimeout, "Retries do not fit in the timeout", FindingSeverity.Warning),
            new MeshRule(RuleIds.UnboundedRetry, "Retries without a Timeout or PerTryTimeout", FindingSeverity.Warning),
            new MeshRule(RuleIds.UncappedRetries, "Retries not capped", FindingSeverity.Warning),
            new MeshRule(RuleIds.EjectAllHosts, "Circuit breaker can eject every host", FindingSeverity.Warning),
            new MeshRule(RuleIds.ShadowedGatewayErrors, "ConsecutiveGatewayErrors has no effect", FindingSeverity.Warning),
            new MeshRule(RuleIds.MutualTlsNotStrict, "Mutual TLS not STRICT", FindingSeverity.Warning),
            new MeshRule(MeshRuleIds.RetryAmplification, "Retries multiply along a call path", FindingSeverity.Warning),
            new MeshRule(MeshRuleIds.TimeoutInversion, "Caller times out before the callee's retries end", FindingSeverity.Warning),
            new MeshRule(MeshRuleIds.UndeclaredDependency, "Call to a service not declared or not in the mesh", FindingSeverity.Warning),
            new MeshRule(MeshRuleIds.CallerNotAllowed, "Caller not admitted by the callee's AuthorizationPolicy", FindingSeverity.Error),
            new MeshRule(MeshRuleIds.DependencyCycle, "Dependency cycle", FindingSeverity.Warning),
        };
    }
}
