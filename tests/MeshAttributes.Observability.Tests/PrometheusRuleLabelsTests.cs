using System.Linq;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Rules;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>
    /// <c>MeshPrometheusRuleLabels</c>: Kubernetes' label syntax accepted, anything else refused with what to write, as a
    /// MESH004 finding of the service.
    /// </summary>
    public sealed class PrometheusRuleLabelsTests
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        [InlineData(";")]
        public void Nothing_written_means_no_labels(string? text)
        {
            var parsed = PrometheusRuleLabels.Parse(text);
            Assert.Null(parsed.Error);
            Assert.Empty(parsed.Labels);
        }

        [Theory]
        [InlineData("release=kube-prometheus-stack", "release", "kube-prometheus-stack")]
        [InlineData("prometheus.example.com/rules=Team_A.v2", "prometheus.example.com/rules", "Team_A.v2")]
        [InlineData("Role=", "Role", "")]
        [InlineData(" release = prod ;", "release", "prod")]
        public void Kubernetes_labels_are_read_in_order(string text, string key, string value)
        {
            var parsed = PrometheusRuleLabels.Parse(text + ";team=payments");
            Assert.Null(parsed.Error);
            Assert.Equal(new[] { (key, value), ("team", "payments") }, parsed.Labels.Select(l => (l.Key, l.Value)));
        }

        [Theory]
        [InlineData("release", "'release' has no '='")]
        [InlineData("=prod", "the key '' is not a label name")]
        [InlineData("-release=prod", "the key '-release' is not a label name")]
        [InlineData("rel ease=prod", "the key 'rel ease' is not a label name")]
        [InlineData("Example.com/team=a", "the key 'Example.com/team' has a prefix that is not a DNS subdomain")]
        [InlineData("/team=a", "has a prefix that is not a DNS subdomain")]
        [InlineData("release=kube prometheus", "the value 'kube prometheus' of 'release' is not a label value")]
        [InlineData("release=prod-", "the value 'prod-' of 'release' is not a label value")]
        [InlineData("release=a=b", "the value 'a=b' of 'release' is not a label value")]
        [InlineData("release=a,team=b", "the value 'a,team=b' of 'release' is not a label value")]
        [InlineData("release=a;release=b", "'release' is given twice")]
        [InlineData("app.kubernetes.io/name=other", "'app.kubernetes.io/name' is set by MeshAttributes")]
        [InlineData("app.kubernetes.io/managed-by=helm", "'app.kubernetes.io/managed-by' is set by MeshAttributes")]
        public void Anything_else_is_refused_as_a_whole_naming_the_property_and_the_fix(string text, string problem)
        {
            var parsed = PrometheusRuleLabels.Parse("team=payments;" + text);

            Assert.Empty(parsed.Labels);
            Assert.StartsWith($"MeshPrometheusRuleLabels \"team=payments;{text}\" is not a list of Kubernetes labels: ", parsed.Error);
            Assert.Contains(problem, parsed.Error);
            Assert.EndsWith("Write key=value pairs separated by ';', e.g. release=kube-prometheus-stack", parsed.Error);
        }

        [Fact]
        public void Names_and_values_are_at_most_63_characters_and_prefixes_253()
        {
            string name63 = new string('a', 63);
            string prefix253 = string.Join(".", Enumerable.Repeat(new string('b', 63), 4)).Substring(0, 253);

            Assert.Null(PrometheusRuleLabels.Parse($"{name63}={name63}").Error);
            Assert.Null(PrometheusRuleLabels.Parse($"{prefix253}/{name63}=x").Error);
            Assert.Contains("is not a label name", PrometheusRuleLabels.Parse($"{name63}a=x").Error);
            Assert.Contains("is not a label value", PrometheusRuleLabels.Parse($"k={name63}a").Error);
            Assert.Contains("not a DNS subdomain", PrometheusRuleLabels.Parse($"{prefix253}c/k=x").Error);
        }

        [Fact]
        public void Invalid_labels_are_a_MESH004_finding_on_the_property_with_the_parsers_message()
        {
            var service = CaseStudy.Inventory with { PrometheusRuleLabels = "release: kube-prometheus-stack" };

            Finding finding = Assert.Single(PolicyRules.Evaluate(service), f => f.Id == RuleIds.InvalidName);
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Equal(new FindingTarget(PrometheusRuleLabels.Property), finding.Target);
            Assert.Equal(PrometheusRuleLabels.Parse(service.PrometheusRuleLabels).Error, finding.Message);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("release=kube-prometheus-stack;team=payments")]
        public void Valid_or_absent_labels_are_no_finding(string? text) =>
            Assert.DoesNotContain(PolicyRules.Evaluate(CaseStudy.Inventory with { PrometheusRuleLabels = text }), f => f.Id == RuleIds.InvalidName);
    }
}
