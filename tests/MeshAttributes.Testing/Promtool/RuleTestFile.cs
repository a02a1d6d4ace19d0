using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Testing
{
    /// <summary>A <c>promtool test rules</c> file: input series and the alerts expected at given times.</summary>
    public sealed class RuleTestFile
    {
        /// <summary>The rule file a suite loads unless told otherwise.</summary>
        public const string DefaultRuleFile = "rules.yaml";

        /// <summary>How often promtool evaluates the rules: as the generated groups' interval, so pending and firing happen when they would in Prometheus.</summary>
        public static readonly TimeSpan EvaluationInterval = TimeSpan.FromSeconds(30);

        private readonly YamlSequenceNode _tests = new();

        public RuleTestFile(string ruleFile = DefaultRuleFile) => RuleFileName = ruleFile;

        /// <summary>The rule file the suite loads, relative to the suite.</summary>
        public string RuleFileName { get; }

        /// <summary>Starts a test whose series are sampled every <paramref name="interval"/>.</summary>
        public Case Test(string name, string interval = "1m")
        {
            var test = new Case(name, interval);
            _tests.Add(test.Node);
            return test;
        }

        /// <summary>The suite as promtool reads it; every value is a quoted string, as promtool takes them.</summary>
        public string Render() => YamlNodes.Save(new YamlMappingNode(
            new YamlScalarNode("rule_files"), new YamlSequenceNode(Str(RuleFileName)),
            new YamlScalarNode("evaluation_interval"), Str(PrometheusDuration.Format(EvaluationInterval)),
            new YamlScalarNode("tests"), _tests));

        private static YamlScalarNode Str(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

        private static YamlMappingNode Map(IReadOnlyDictionary<string, string> values)
        {
            var map = new YamlMappingNode();
            foreach (var entry in values)
            {
                map.Add(new YamlScalarNode(entry.Key), Str(entry.Value));
            }

            return map;
        }

        /// <summary>One test of the suite: its input series and the alerts expected at given times.</summary>
        public sealed class Case
        {
            private readonly YamlSequenceNode _series = new();
            private readonly YamlSequenceNode _alertTests = new();

            internal Case(string name, string interval)
            {
                Node = new YamlMappingNode(
                    new YamlScalarNode("name"), Str(name),
                    new YamlScalarNode("interval"), Str(interval),
                    new YamlScalarNode("input_series"), _series,
                    new YamlScalarNode("alert_rule_test"), _alertTests);
            }

            internal YamlMappingNode Node { get; }

            /// <summary>A series in promtool's expanding notation, e.g. <c>0+99x10 1060+70x10</c>.</summary>
            public Case Series(string metric, IReadOnlyDictionary<string, string> labels, string values)
            {
                string selector = metric + "{" + string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
                _series.Add(new YamlMappingNode(
                    new YamlScalarNode("series"), Str(selector),
                    new YamlScalarNode("values"), Str(values)));
                return this;
            }

            /// <summary>At <paramref name="evalTime"/> (e.g. <c>12m30s</c>), exactly <paramref name="alerts"/> fire under <paramref name="alertname"/> (none if empty).</summary>
            public Case Expect(string evalTime, string alertname, params ExpectedAlert[] alerts)
            {
                var expected = new YamlSequenceNode();
                foreach (ExpectedAlert alert in alerts)
                {
                    expected.Add(new YamlMappingNode(
                        new YamlScalarNode("exp_labels"), Map(alert.Labels),
                        new YamlScalarNode("exp_annotations"), Map(alert.Annotations)));
                }

                _alertTests.Add(new YamlMappingNode(
                    new YamlScalarNode("eval_time"), Str(evalTime),
                    new YamlScalarNode("alertname"), Str(alertname),
                    new YamlScalarNode("exp_alerts"), expected));
                return this;
            }

            /// <summary>At <paramref name="evalTime"/> after the series start, exactly <paramref name="alerts"/> fire under <paramref name="alertname"/> (none if empty).</summary>
            public Case Expect(TimeSpan evalTime, string alertname, params ExpectedAlert[] alerts) =>
                Expect(PrometheusDuration.Format(evalTime), alertname, alerts);
        }
    }
}
