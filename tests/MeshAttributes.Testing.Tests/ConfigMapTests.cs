using System;
using System.Linq;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>Core ConfigMaps (no schema file) are checked structurally, and dashboards inside them by Grafana's schema.</summary>
public sealed class ConfigMapTests
{
    [SkippableFact]
    public void A_dashboard_ConfigMap_following_the_sidecar_convention_is_valid()
    {
        TestValidator.Get().AssertValid(DashboardConfigMap(DashboardTests.MinimalDashboard), "dashboard ConfigMap");
    }

    [SkippableFact]
    public void An_unquoted_label_value_fails_because_labels_are_strings()
    {
        var yaml = DashboardConfigMap(DashboardTests.MinimalDashboard).Replace("grafana_dashboard: \"1\"", "grafana_dashboard: 1", StringComparison.Ordinal);

        var violation = Assert.Single(TestValidator.Get().Validate(yaml));

        Assert.Contains("metadata.labels[grafana_dashboard]: Invalid value: 1: labels values must be strings", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Non_string_data_an_unknown_field_and_a_bad_key_fail()
    {
        var violations = TestValidator.Get().Validate("""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              retries: 3
              bad/key: x
            spec: {}
            """);

        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("data[retries]: Invalid value: 3: data values must be strings", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("data[bad/key]: Invalid value: \"bad/key\": a valid config key", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("spec: unknown field \"spec\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_plain_on_is_flagged_because_kubectl_would_read_a_bool()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n  tracing: on\n"));

        Assert.Contains("data.tracing: plain scalar on is str in YAML 1.2 but the bool true to kubectl (YAML 1.1)", violation, StringComparison.Ordinal);
        Assert.EndsWith("[yaml]", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_ConfigMap_without_a_name_fails()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\ndata: {}\n"));

        Assert.Contains("metadata.name: Required value", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_invalid_dashboard_inside_a_ConfigMap_fails_with_both_paths()
    {
        var json = DashboardTests.MinimalDashboard.Replace("\"editable\": false", "\"editable\": \"no\"", StringComparison.Ordinal);

        var violation = Assert.Single(TestValidator.Get().Check(DashboardConfigMap(json)));

        Assert.Equal("data[checkout-service.json]:editable", violation.Path);
        Assert.Equal("dashboard", violation.Check);
    }

    private static string DashboardConfigMap(string dashboardJson) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: checkout-service-dashboard
          namespace: monitoring
          labels:
            grafana_dashboard: "1"
        data:
          checkout-service.json: |
        {string.Join("\n", dashboardJson.Split('\n').Select(line => "    " + line))}
        """;
}
