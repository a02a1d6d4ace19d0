using System;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>PrometheusRule goes through the generic path, list-type rules included.</summary>
public sealed class PrometheusRuleTests
{
    private const string Rule = """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: checkout-service-alerts
          namespace: monitoring
        spec:
          groups:
            - name: checkout-service
              rules:
                - alert: CheckoutHighErrorRate
                  expr: sum(rate(istio_requests_total{response_code=~"5.."}[5m])) > 0.05
                  for: FOR
                  labels:
                    severity: warning
        """;

    [SkippableFact]
    public void A_well_formed_rule_is_valid()
    {
        Assert.Empty(TestValidator.Get().ValidatePrometheusRule(Rule.Replace("FOR", "2m", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void A_for_that_is_not_a_Prometheus_duration_fails()
    {
        var violation = Assert.Single(TestValidator.Get().ValidatePrometheusRule(Rule.Replace("FOR", "2 minutes", StringComparison.Ordinal)));

        Assert.Contains("spec.groups[0].rules[0].for:", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Two_groups_with_one_name_fail_as_the_list_is_a_map_keyed_by_name()
    {
        var yaml = Rule.Replace("FOR", "2m", StringComparison.Ordinal) + "\n    - name: checkout-service\n      rules: []\n";

        var violation = Assert.Single(TestValidator.Get().ValidatePrometheusRule(yaml));

        Assert.Contains("spec.groups[1]: Duplicate value: {\"name\": \"checkout-service\"}", violation, StringComparison.Ordinal);
    }
}
