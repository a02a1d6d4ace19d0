using System;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>Grafana's dashboard schema (foundation-sdk, draft-07, self-contained) is enforced.</summary>
public sealed class DashboardTests
{
    internal const string MinimalDashboard = """
        {
          "title": "checkout-service",
          "uid": "checkout-service",
          "schemaVersion": 41,
          "editable": false,
          "time": { "from": "now-1h", "to": "now" },
          "templating": { "list": [] },
          "annotations": { "list": [] },
          "panels": [
            {
              "type": "timeseries",
              "title": "Error rate",
              "gridPos": { "h": 8, "w": 12, "x": 0, "y": 0 },
              "datasource": { "type": "prometheus", "uid": "prometheus" },
              "targets": [ { "refId": "A", "expr": "sum(rate(istio_requests_total[5m]))" } ]
            }
          ]
        }
        """;

    [SkippableFact]
    public void A_minimal_dashboard_is_valid()
    {
        TestValidator.Get().AssertDashboardValid(MinimalDashboard, "minimal dashboard");
    }

    [SkippableFact]
    public void A_wrongly_typed_field_fails_naming_its_path()
    {
        var json = MinimalDashboard.Replace("\"editable\": false", "\"editable\": \"no\"", StringComparison.Ordinal);

        var violation = Assert.Single(TestValidator.Get().ValidateDashboard(json));

        Assert.Contains("editable: Value is \"string\" but should be \"boolean\"", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_missing_required_field_fails()
    {
        var json = MinimalDashboard.Replace("\"annotations\": { \"list\": [] },", string.Empty, StringComparison.Ordinal);

        Assert.Contains(TestValidator.Get().ValidateDashboard(json), v => v.Contains("annotations", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_panel_wider_than_the_grid_fails()
    {
        var json = MinimalDashboard.Replace("\"w\": 12", "\"w\": 25", StringComparison.Ordinal);

        Assert.Contains(TestValidator.Get().ValidateDashboard(json), v => v.Contains("panels[0].gridPos.w", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Text_that_is_not_JSON_fails()
    {
        Assert.Contains("not JSON", Assert.Single(TestValidator.Get().ValidateDashboard("{ title: ")), StringComparison.Ordinal);
    }
}
