using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.PropertyTests.Inputs;
using MeshAttributes.PropertyTests.Oracle;
using MeshAttributes.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.PropertyTests
{
    /// <summary>
    /// No user string can add a key or a document, break a Prometheus template or a PromQL/regex match: every hostile
    /// string is either refused or parsed back — by YamlDotNet, by System.Text.Json, by promtool expanding the alert
    /// templates, by a regex engine — as exactly what the user wrote.
    /// </summary>
    public class InjectionTests
    {
        private static ServiceSpec Service(string name, AlertingSpec? alerting = null) =>
            new(name, null, null, null, null, null, null, null, null, null,
                EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, alerting, EquatableArray<EndpointSpec>.Empty);

        public static TheoryData<string> Hostile() => new(HostileStrings.Known);

        [SkippableFact]
        public void Prometheus_shows_every_hostile_runbook_url_exactly_as_written()
        {
            Promtool.SkipIfMissing();
            var runbooks = HostileStrings.Known.Where(s => s.Length > 0).Select(Utf8.Representable).ToArray();
            var rules = new RuleFile();
            var suite = new RuleTestFile();
            RuleTestFile.Case test = suite.Test("every runbook at once");
            var alerts = new List<ExpectedAlert>();
            for (int i = 0; i < runbooks.Length; i++)
            {
                string name = "svc-" + i;
                // With outlier detection on, as CircuitBreakerActive is written only for a service that can eject a host.
                RenderedService rendered = ServiceRenderer.Render(Service(name, new AlertingSpec(null, null, null, runbooks[i])) with
                {
                    CircuitBreaker = new CircuitBreakerSpec(5, null, null, null, null, null),
                });
                rules.AddPrometheusRule(rendered.Files.Single(f => f.Path.EndsWith("/prometheusrule.yaml", StringComparison.Ordinal)).Content);

                // CircuitBreakerActive fires for an ejected host of this service alone; its annotations are expanded by promtool.
                string cluster = $"outbound|8080||{name}.default.svc.cluster.local";
                var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["cluster_name"] = cluster,
                    ["destination_service_name"] = name,
                    ["destination_service_namespace"] = "default",
                    ["namespace"] = "default",
                    ["severity"] = "warning",
                };
                var annotations = new SortedDictionary<string, string>(StringComparer.Ordinal)
                {
                    ["summary"] = "Circuit breaker active for " + cluster,
                    ["description"] = $"Hosts of {name} (namespace default) are being ejected — upstream service may be unhealthy",
                    ["runbook_url"] = runbooks[i],
                };
                test.Series(IstioQueries.EjectionsActive, new Dictionary<string, string> { ["cluster_name"] = cluster }, "1x5");
                alerts.Add(new ExpectedAlert(labels, annotations));
            }

            test.Expect("2m", PrometheusRuleBuilder.CircuitBreakerActive, alerts.ToArray());

            Promtool.AssertTestRulesPass(rules, suite);
        }

        [Theory]
        [MemberData(nameof(Hostile))]
        public void A_hostile_name_anywhere_is_refused_or_parses_back_as_itself(string hostile)
        {
            ServiceCase Case(string name = "orders", string? ns = null, (string, string?)? dependency = null, (string, string?, string?)? caller = null) =>
                new(name, ns, null, null, null, null, null, null, null, null,
                    dependency is { } d ? new[] { d } : Array.Empty<(string, string?)>(),
                    caller is { } c ? new[] { c } : Array.Empty<(string, string?, string?)>(),
                    new AlertingCase(null, null, null, null), Array.Empty<EndpointCase>());

            // A valid DNS label among them ("0", "true", "null") is kept, and must read back as that string, not a number or null.
            foreach (ServiceCase service in new[]
            {
                Case(name: hostile), Case(ns: hostile),
                Case(dependency: (hostile, null)), Case(dependency: ("stock", hostile)),
                Case(caller: (hostile, null, null)), Case(caller: ("web", hostile, null)), Case(caller: ("web", null, hostile)),
            })
            {
                RenderedService rendered = ServiceRenderer.Render(CoreModel.From(service));
                ManifestChecks.Check(new Expectation(service), rendered.Files.ToDictionary(f => f.Path, f => f.Content), rendered.Errors.Select(e => (e.Path, e.Id, e.Message)), validateSchemas: false);
            }
        }

        [Theory]
        [InlineData("/a.b/{id}", "/a.b/7", "/axb/7")]
        [InlineData("/a+b/{id}", "/a+b/7", "/aab/7")]
        [InlineData("/(x)/{id}", "/(x)/7", "/x/7")]
        [InlineData("/a$b/{id}", "/a$b/7", "/a/7")]
        [InlineData("/a*b/{id}", "/a*b/7", "/aaab/7")]
        [InlineData("/a|b/{id}", "/a|b/7", "/b/7")]
        [InlineData("/[ab]/{id}", "/[ab]/7", "/a/7")]
        [InlineData("/a{{b}}/{id}", "/a{b}/7", "/a{{b}}/7")]
        [InlineData("/a\\d/{id}", "/a\\d/7", "/a1/7")]
        [InlineData("/x/{id:int}", "/x/-7", "/x/seven")]
        [InlineData("/x/{name}.{ext}", "/x/a.pdf", "/x/a/pdf")]
        public void A_route_literal_matches_itself_and_nothing_its_regex_characters_would_mean(string template, string matches, string mustNotMatch)
        {
            EndpointSpec endpoint = new("E.Handle", EquatableArray.Create("GET"), template, null, new TimeoutSpec("1s"), false);
            RenderedService rendered = ServiceRenderer.Render(Service("orders") with { Endpoints = EquatableArray.Create(endpoint) });
            string yaml = rendered.Files.Single(f => f.Path.EndsWith("/virtualservice.yaml", StringComparison.Ordinal)).Content;
            var stream = new YamlStream();
            stream.Load(new System.IO.StringReader(yaml));
            var uri = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)stream.Documents.Single().RootNode).Children["spec"]).Children["http"])[0]).Children["match"])[0]).Children["uri"];
            string regex = ((YamlScalarNode)uri.Children[new YamlScalarNode("regex")]).Value!;

            Assert.Matches(new Regex("^(?:" + regex + ")$"), matches);
            Assert.DoesNotMatch(new Regex("^(?:" + regex + ")$"), mustNotMatch);
        }

        [Fact]
        public void Hostile_runbook_urls_add_no_key_or_document()
        {
            foreach (string runbook in HostileStrings.Known.Where(s => s.Length > 0))
            {
                var service = new ServiceCase("orders", null, null, null, null, null, null, null, null, null,
                    Array.Empty<(string, string?)>(), Array.Empty<(string, string?, string?)>(), new AlertingCase(null, null, null, runbook), Array.Empty<EndpointCase>());
                RenderedService rendered = ServiceRenderer.Render(CoreModel.From(service));
                ManifestChecks.Check(new Expectation(service), rendered.Files.ToDictionary(f => f.Path, f => f.Content), rendered.Errors.Select(e => (e.Path, e.Id, e.Message)), validateSchemas: true);
            }
        }
    }
}
