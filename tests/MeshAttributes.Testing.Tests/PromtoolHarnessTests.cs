using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The promtool harness reads PrometheusRules by their owner and writes suites promtool can take.</summary>
public sealed class PromtoolHarnessTests
{
    private const string Rule = """
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata:
          name: orders-mesh-alerts
          namespace: shop
          labels:
            app.kubernetes.io/name: orders
        spec:
          groups:
            - name: orders.mesh-health
              rules:
                - alert: Down
                  expr: up{job="orders"} == 0
                  for: 2m
                  labels:
                    severity: critical
                  annotations:
                    summary: "orders down on {{ $labels.instance }}"
                    description: "ratio {{ $value | humanizePercentage }}"
                - alert: NoFor
                  expr: vector(1)
        """;

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("1m", 60)]
    [InlineData("12m30s", 750)]
    [InlineData("1h", 3600)]
    [InlineData("1d2h", 93_600)]
    public void Durations_parse_and_print_as_Prometheus_writes_them(string text, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), PrometheusDuration.Parse(text));
        if (seconds < 86_400)
        {
            Assert.Equal(text, PrometheusDuration.Format(TimeSpan.FromSeconds(seconds)));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.5m")]
    [InlineData("2")]
    [InlineData("30s1m")]
    public void Malformed_durations_are_rejected(string text) =>
        Assert.Throws<FormatException>(() => PrometheusDuration.Parse(text));

    [Fact]
    public void Rules_are_found_by_the_service_and_namespace_of_their_PrometheusRule()
    {
        var rules = RuleFile.FromPrometheusRules(new[] { Rule, Rule.Replace("namespace: shop", "namespace: staging") });

        Assert.Equal(new[] { "Down", "NoFor" }, rules.AlertNames);
        Assert.Equal(4, rules.Rules.Count());
        Assert.Equal(TimeSpan.FromMinutes(2), rules.For("orders", "shop", "Down"));
        Assert.Equal(TimeSpan.Zero, rules.For("orders", "shop", "NoFor"));
        Assert.ThrowsAny<Exception>(() => rules.Rule("orders", "prod", "Down"));
        Assert.ThrowsAny<Exception>(() => rules.Rule("payments", "shop", "Down"));
        Assert.StartsWith("groups:", rules.Text);
    }

    [Fact]
    public void Expected_alerts_carry_the_rules_labels_and_rendered_annotations()
    {
        var rules = new RuleFile().AddPrometheusRule(Rule);

        var alert = rules.Expect("orders", "shop", "Down", new Dictionary<string, string> { ["instance"] = "orders-1" }, "12.5%");

        Assert.Equal(new Dictionary<string, string> { ["instance"] = "orders-1", ["severity"] = "critical" }, alert.Labels);
        Assert.Equal("orders down on orders-1", alert.Annotations["summary"]);
        Assert.Equal("ratio 12.5%", alert.Annotations["description"]);
        Assert.ThrowsAny<Exception>(() => rules.Expect("orders", "shop", "Down", new Dictionary<string, string> { ["instance"] = "orders-1" }));
    }

    [Fact]
    public void A_suite_quotes_every_value_so_promtool_reads_strings()
    {
        var suite = new RuleTestFile();
        suite.Test("t")
            .Series("m", new Dictionary<string, string> { ["le"] = "500" }, "0+1x10")
            .Expect(TimeSpan.FromSeconds(750), "Down");

        string text = suite.Render();

        Assert.Contains("- \"rules.yaml\"", text);
        Assert.Contains("evaluation_interval: \"30s\"", text);
        Assert.Contains("series: \"m{le=\\\"500\\\"}\"", text);
        Assert.Contains("eval_time: \"12m30s\"", text);
        Assert.Contains("exp_alerts: []", text);
    }
}
