using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Rules;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>MESH007 (a threshold that is not a ratio) and MESH008 (warning not below critical), and what they block.</summary>
    public sealed class AlertThresholdRuleTests
    {
        [Theory]
        [InlineData(-0.1)]
        [InlineData(1.0)]
        [InlineData(5.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void MESH007_fires_for_a_warning_that_is_not_a_ratio(double value)
        {
            var finding = Assert.Single(Findings(new AlertingSpec(value, null, null, null)));
            Assert.Equal(RuleIds.InvalidAlertThreshold, finding.Id);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Equal(new FindingTarget("Alerting", "ErrorRateWarning"), finding.Target);
        }

        [Fact]
        public void MESH007_reads_a_percentage_and_suggests_the_ratio()
        {
            var finding = Assert.Single(Findings(new AlertingSpec(0.05, 20, null, null)));
            Assert.Equal(new FindingTarget("Alerting", "ErrorRateCritical"), finding.Target);
            Assert.Contains("not a percentage", finding.Message);
            Assert.Contains("write 0.2", finding.Message);
        }

        [Theory]
        [InlineData(0.0, 0.5)]
        [InlineData(0.05, 0.20)]
        [InlineData(0.5, 0.99)]
        public void MESH007_and_MESH008_stay_quiet_for_ordered_ratios(double warning, double critical)
        {
            Assert.Empty(Findings(new AlertingSpec(warning, critical, null, null)));
        }

        [Fact]
        public void No_Alerting_means_no_finding()
        {
            Assert.Empty(PolicyRules.Evaluate(CaseStudy.Inventory).Where(f => f.Target.Attribute == "Alerting"));
        }

        [Theory]
        [InlineData(0.3, 0.2, "ErrorRateWarning")]
        [InlineData(0.2, 0.2, "ErrorRateWarning")]
        [InlineData(0.3, null, "ErrorRateWarning")] // above the default critical 0.2
        [InlineData(null, 0.01, "ErrorRateCritical")] // below the default warning 0.05
        public void MESH008_fires_when_warning_is_not_below_critical(double? warning, double? critical, string property)
        {
            var finding = Assert.Single(Findings(new AlertingSpec(warning, critical, null, null)));
            Assert.Equal(RuleIds.InvertedAlertThresholds, finding.Id);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Equal(property, finding.Target.Property);
        }

        [Fact]
        public void An_invalid_Alerting_blocks_only_the_alert_and_dashboard_files()
        {
            var service = CaseStudy.Service("orders", alerting: new AlertingSpec(0.5, 0.1, null, null),
                circuitBreaker: new CircuitBreakerSpec(3, null, "10s", "30s", 50, null));
            RenderedService rendered = ServiceRenderer.Render(service);

            Assert.Equal(
                new[] { "orders/destinationrule.yaml", "orders/peerauthentication.yaml", "orders/kustomization.yaml" },
                rendered.Files.Select(f => f.Path));
            Assert.Equal(
                new[] { "orders/prometheusrule.yaml", "orders/dashboard.json", "orders/grafana-dashboard.yaml" },
                rendered.Errors.Select(e => e.Path));
            Assert.All(rendered.Errors, e => Assert.Equal(RuleIds.InvertedAlertThresholds, e.Id));
            Assert.DoesNotContain("prometheusrule.yaml", rendered.Files.Single(f => f.Path.EndsWith("kustomization.yaml")).Content);
        }

        [Fact]
        public void An_unparsable_LatencyP99_is_MESH001_and_blocks_the_alert_files()
        {
            var service = CaseStudy.Service("orders", alerting: new AlertingSpec(null, null, "2 seconds", null));
            RenderedService rendered = ServiceRenderer.Render(service);

            Assert.Contains(rendered.Errors, e => e.Path == "orders/prometheusrule.yaml" && e.Id == RuleIds.InvalidDuration);
            Assert.DoesNotContain(rendered.Files, f => f.Path == "orders/dashboard.json");
        }

        [Fact]
        public void The_new_ids_continue_the_error_range_and_have_docs()
        {
            Assert.Equal("MESH007", RuleIds.InvalidAlertThreshold);
            Assert.Equal("MESH008", RuleIds.InvertedAlertThresholds);
            foreach (string id in new[] { RuleIds.InvalidAlertThreshold, RuleIds.InvertedAlertThresholds })
            {
                string doc = System.IO.Path.Combine(Harness.RepoPaths.Root, "docs", "rules", id + ".md");
                Assert.True(System.IO.File.Exists(doc), "missing " + doc);
            }
        }

        private static Finding[] Findings(AlertingSpec alerting) =>
            PolicyRules.Evaluate(CaseStudy.Service("orders", alerting: alerting)).Where(f => f.Target.Attribute == "Alerting").ToArray();
    }
}
