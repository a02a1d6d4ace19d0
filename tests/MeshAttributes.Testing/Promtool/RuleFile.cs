using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Testing
{
    /// <summary>
    /// A Prometheus rule file assembled from the <c>spec</c> of PrometheusRule manifests (what the Prometheus Operator
    /// hands Prometheus), and the alerts promtool should report for it, annotations rendered. A PrometheusRule belongs
    /// to the service named by its <c>app.kubernetes.io/name</c> label in its <c>metadata.namespace</c>.
    /// </summary>
    public sealed class RuleFile
    {
        private const string NameLabel = "app.kubernetes.io/name";
        private const string ValueTemplate = "{{ $value | humanizePercentage }}";
        private static readonly Regex LabelTemplate = new(@"\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}");

        private readonly YamlSequenceNode _groups = new();
        private readonly List<(string? Service, string? Namespace, YamlMappingNode Group)> _owners = new();

        /// <summary>The rule groups of every given PrometheusRule manifest, in one file.</summary>
        public static RuleFile FromPrometheusRules(IEnumerable<string> manifests)
        {
            var file = new RuleFile();
            foreach (string manifest in manifests)
            {
                file.AddPrometheusRule(manifest);
            }

            return file;
        }

        /// <summary>Adds the groups of a PrometheusRule manifest (one YAML document).</summary>
        public RuleFile AddPrometheusRule(string manifest)
        {
            YamlMappingNode resource = YamlNodes.Load(manifest);
            string? service = (resource.Find("metadata", "labels", NameLabel) as YamlScalarNode)?.Value;
            string? @namespace = (resource.Find("metadata", "namespace") as YamlScalarNode)?.Value;
            foreach (YamlMappingNode group in ((YamlSequenceNode)resource.At("spec", "groups")).Cast<YamlMappingNode>())
            {
                _groups.Add(group);
                _owners.Add((service, @namespace, group));
            }

            return this;
        }

        /// <summary>The file text: <c>groups:</c> as in the PrometheusRules' spec.</summary>
        public string Text => YamlNodes.Save(new YamlMappingNode(new YamlScalarNode("groups"), _groups));

        /// <summary>Every rule of every group.</summary>
        public IEnumerable<YamlMappingNode> Rules =>
            _groups.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g.At("rules")).Cast<YamlMappingNode>());

        /// <summary>The distinct names of the alerting rules, in file order.</summary>
        public IReadOnlyList<string> AlertNames =>
            Rules.Select(r => r.Find("alert") as YamlScalarNode).Where(a => a is not null).Select(a => a!.Value!).Distinct().ToArray();

        /// <summary>The alerting rule <paramref name="alert"/> of the PrometheusRule of <paramref name="service"/> in <paramref name="namespace"/>.</summary>
        public YamlMappingNode Rule(string service, string @namespace, string alert)
        {
            var rules = _owners
                .Where(o => o.Service == service && o.Namespace == @namespace)
                .SelectMany(o => ((YamlSequenceNode)o.Group.At("rules")).Cast<YamlMappingNode>())
                .Where(r => (r.Find("alert") as YamlScalarNode)?.Value == alert)
                .ToList();
            Assert.True(rules.Count == 1, $"expected one {alert} rule for {service} (namespace {@namespace}), found {rules.Count}");
            return rules[0];
        }

        /// <summary>How long <paramref name="alert"/> of <paramref name="service"/> must hold before it fires: its <c>for:</c>, zero without one.</summary>
        public TimeSpan For(string service, string @namespace, string alert) =>
            Rule(service, @namespace, alert).Find("for") is YamlScalarNode { Value: { } value } ? PrometheusDuration.Parse(value) : TimeSpan.Zero;

        /// <summary>
        /// The alert promtool reports when <paramref name="alert"/> of <paramref name="service"/> fires for a series with
        /// <paramref name="exprLabels"/>: those labels plus the rule's, and its annotations with the templates
        /// rendered (<paramref name="humanizedValue"/> stands for <c>$value | humanizePercentage</c>).
        /// </summary>
        public ExpectedAlert Expect(string service, string @namespace, string alert, IReadOnlyDictionary<string, string> exprLabels, string? humanizedValue = null)
        {
            YamlMappingNode rule = Rule(service, @namespace, alert);

            var labels = new SortedDictionary<string, string>(exprLabels.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
            if (rule.Find("labels") is YamlMappingNode ruleLabels)
            {
                foreach (var entry in ruleLabels)
                {
                    labels[((YamlScalarNode)entry.Key).Value!] = ((YamlScalarNode)entry.Value).Value!;
                }
            }

            var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (rule.Find("annotations") is YamlMappingNode ruleAnnotations)
            {
                foreach (var entry in ruleAnnotations)
                {
                    string key = ((YamlScalarNode)entry.Key).Value!;
                    string text = LabelTemplate.Replace(((YamlScalarNode)entry.Value).Value!, m => labels[m.Groups[1].Value]);
                    if (text.Contains(ValueTemplate, StringComparison.Ordinal))
                    {
                        Assert.True(humanizedValue is not null, $"{alert}'s annotation {key} shows $value: say what it should read");
                        text = text.Replace(ValueTemplate, humanizedValue, StringComparison.Ordinal);
                    }

                    Assert.DoesNotContain("{{", text);
                    annotations[key] = text;
                }
            }

            return new ExpectedAlert(labels, annotations);
        }
    }
}
