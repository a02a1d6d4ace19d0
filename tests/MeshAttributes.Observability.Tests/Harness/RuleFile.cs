using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Model;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>
    /// A Prometheus rule file assembled from the <c>spec</c> of generated PrometheusRules (what the Prometheus
    /// Operator hands Prometheus), and the alerts promtool should report for it, annotations rendered.
    /// </summary>
    internal sealed class RuleFile
    {
        private static readonly Regex LabelTemplate = new(@"\{\{ \$labels\.([a-zA-Z_][a-zA-Z0-9_]*) \}\}");
        private const string ValueTemplate = "{{ $value | humanizePercentage }}";

        private readonly YamlSequenceNode _groups = new();

        /// <summary>The rule groups of every given service's generated <c>prometheusrule.yaml</c>, in one file.</summary>
        public static RuleFile FromServices(IEnumerable<ServiceSpec> services)
        {
            var file = new RuleFile();
            foreach (ServiceSpec service in services)
            {
                file.AddPrometheusRule(CaseStudy.File(service, "prometheusrule.yaml"));
            }

            return file;
        }

        public RuleFile AddPrometheusRule(string manifest)
        {
            foreach (YamlNode group in (YamlSequenceNode)Yaml.Load(manifest).At("spec", "groups"))
            {
                _groups.Add(group);
            }

            return this;
        }

        /// <summary>The file text: <c>groups:</c> as in the PrometheusRule's spec.</summary>
        public string Text => Yaml.Save(new YamlMappingNode(new YamlScalarNode("groups"), _groups));

        public IEnumerable<YamlMappingNode> Rules =>
            _groups.Cast<YamlMappingNode>().SelectMany(g => ((YamlSequenceNode)g.At("rules")).Cast<YamlMappingNode>());

        /// <summary>
        /// The alert promtool reports when <paramref name="alert"/> of <paramref name="service"/> fires for a series with
        /// <paramref name="exprLabels"/>: those labels plus the rule's, and its annotations with the templates
        /// rendered (<paramref name="humanizedValue"/> stands for <c>$value | humanizePercentage</c>).
        /// </summary>
        public ExpectedAlert Expect(ServiceSpec service, string alert, IReadOnlyDictionary<string, string> exprLabels, string? humanizedValue = null)
        {
            YamlMappingNode rule = _groups.Cast<YamlMappingNode>()
                .Where(g => g.Text("name") == service.Name + ".mesh-health")
                .SelectMany(g => ((YamlSequenceNode)g.At("rules")).Cast<YamlMappingNode>())
                .Single(r => r.Text("alert") == alert);

            var labels = new SortedDictionary<string, string>(exprLabels.ToDictionary(p => p.Key, p => p.Value));
            foreach (var entry in (YamlMappingNode)rule.At("labels"))
            {
                labels[((YamlScalarNode)entry.Key).Value!] = ((YamlScalarNode)entry.Value).Value!;
            }

            var annotations = new SortedDictionary<string, string>();
            foreach (var entry in (YamlMappingNode)rule.At("annotations"))
            {
                string text = LabelTemplate.Replace(((YamlScalarNode)entry.Value).Value!, m => labels[m.Groups[1].Value]);
                if (text.Contains(ValueTemplate))
                {
                    Assert.True(humanizedValue is not null, $"{alert}'s annotation {entry.Key} shows $value: say what it should read");
                    text = text.Replace(ValueTemplate, humanizedValue);
                }

                Assert.DoesNotContain("{{", text);
                annotations[((YamlScalarNode)entry.Key).Value!] = text;
            }

            return new ExpectedAlert(labels, annotations);
        }
    }
}
