using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Rendering;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>A <c>promtool test rules</c> file: input series and the alerts expected at given times.</summary>
    internal sealed class RuleTestFile
    {
        private readonly SequenceNode _tests = new();
        private readonly string _ruleFile;

        public RuleTestFile(string ruleFile) => _ruleFile = ruleFile;

        /// <summary>Starts a test whose series are sampled every <paramref name="interval"/>.</summary>
        public Case Test(string name, string interval = "1m")
        {
            var test = new Case(name, interval);
            _tests.Add(test.Node);
            return test;
        }

        public string Render() => YamlRenderer.Render(new MapNode()
            .Set("rule_files", new SequenceNode().Add(_ruleFile))
            // As the generated groups' interval, so pending and firing happen when they would in Prometheus.
            .Set("evaluation_interval", "30s")
            .Set("tests", _tests));

        internal sealed class Case
        {
            private readonly SequenceNode _series = new();
            private readonly SequenceNode _alertTests = new();

            public Case(string name, string interval)
            {
                Node = new MapNode()
                    .Set("name", name)
                    .Set("interval", interval)
                    .Set("input_series", _series)
                    .Set("alert_rule_test", _alertTests);
            }

            public MapNode Node { get; }

            /// <summary>A series in promtool's expanding notation, e.g. <c>0+99x10 1060+70x10</c>.</summary>
            public Case Series(string metric, IReadOnlyDictionary<string, string> labels, string values)
            {
                string selector = metric + "{" + string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";
                _series.Add(new MapNode().Set("series", selector).Set("values", values));
                return this;
            }

            /// <summary>At <paramref name="evalTime"/>, exactly <paramref name="alerts"/> fire under <paramref name="alertname"/> (none if empty).</summary>
            public Case Expect(string evalTime, string alertname, params ExpectedAlert[] alerts)
            {
                var expected = new SequenceNode();
                foreach (ExpectedAlert alert in alerts)
                {
                    expected.Add(new MapNode()
                        .Set("exp_labels", Map(alert.Labels))
                        .Set("exp_annotations", Map(alert.Annotations)));
                }

                _alertTests.Add(new MapNode()
                    .Set("eval_time", evalTime)
                    .Set("alertname", alertname)
                    .Set("exp_alerts", expected));
                return this;
            }

            private static MapNode Map(IReadOnlyDictionary<string, string> values)
            {
                var map = new MapNode();
                foreach (var entry in values)
                {
                    map.Set(entry.Key, entry.Value);
                }

                return map;
            }
        }
    }
}
