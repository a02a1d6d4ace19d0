using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>
    /// The case study's incident replayed through <c>promtool test rules</c> against the alert rules <c>dotnet build</c>
    /// wrote for the ECommerce sample: the four services' <c>prometheusrule.yaml</c> loaded into one rule file, as one
    /// Prometheus would load them, so "fires for inventory-service and no other" is checked, not assumed. Series are
    /// sampled every minute; rules are evaluated every 30s, as the generated groups say. Every <c>for:</c> is read from
    /// the manifests, so each alert is shown to fire exactly when its own <c>for:</c> has elapsed and not before.
    /// </summary>
    [Collection(SampleBuildCollection.Name)]
    public sealed class SampleIncidentReplayTests
    {
        // The alert names are the contract; the tests do not take them from the generator.
        private const string HighErrorRate = "ServiceHighErrorRate";
        private const string CriticalErrorRate = "ServiceCriticalErrorRate";
        private const string HighLatency = "ServiceHighLatency";
        private const string CircuitBreakerActive = "CircuitBreakerActive";

        private const string Requests = "istio_requests_total";
        private const string Buckets = "istio_request_duration_milliseconds_bucket";
        private const string Ejections = "envoy_cluster_outlier_detection_ejections_active";

        // No [MeshService(Namespace = ...)] in the sample: every service is in Kubernetes' default namespace.
        private const string Namespace = "default";
        private const string Checkout = "checkout-service";
        private const string Inventory = "inventory-service";
        private const string Payment = "payment-service";
        private const string Shipping = "shipping-service";

        private static readonly string[] Services = SampleBuild.ServiceNames;

        private static readonly TimeSpan Step = RuleTestFile.EvaluationInterval;

        private readonly SampleBuild _sample;

        public SampleIncidentReplayTests(SampleBuild sample) => _sample = sample;

        [SkippableFact]
        public void Inventory_at_30_percent_5xx_for_10_minutes_pages_for_inventory_and_no_other_service()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            var suite = new RuleTestFile();
            IncidentTest(suite, rules, wrongExpectation: false);

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        [SkippableFact]
        public void A_wrong_expectation_makes_promtool_fail_and_say_why()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            var suite = new RuleTestFile();
            IncidentTest(suite, rules, wrongExpectation: true);

            var (code, output) = Promtool.TestRules(rules, suite);

            Assert.True(code != 0, "promtool accepted the expectation that checkout-service pages too:\n" + output);
            Assert.Contains("FAILED", output);
            Assert.Contains(CriticalErrorRate, output);
            Assert.Contains(Checkout, output);
        }

        [SkippableFact]
        public void Inventorys_breaker_shedding_load_pages_from_the_callers_reports_alone()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            var suite = new RuleTestFile();
            var test = suite.Test("callers' proxies answer 30% of inventory-service's requests 503 UO; its own proxy sees none of them");
            test.Series(Requests, Labels(("reporter", "source"), ("destination_service_namespace", Namespace), ("destination_service_name", Inventory), ("response_code", "200"), ("response_flags", "-")), "0+70x20")
                .Series(Requests, Labels(("reporter", "source"), ("destination_service_namespace", Namespace), ("destination_service_name", Inventory), ("response_code", "503"), ("response_flags", "UO")), "0+30x20")
                .Series(Requests, Labels(("reporter", "destination"), ("destination_service_namespace", Namespace), ("destination_service_name", Inventory), ("response_code", "200"), ("response_flags", "-")), "0+70x20");

            // The 2m rate has its two samples from 1m on.
            TimeSpan onset = TimeSpan.FromMinutes(1);
            TimeSpan @for = rules.For(Inventory, Namespace, CriticalErrorRate);
            var critical = rules.Expect(Inventory, Namespace, CriticalErrorRate, ServiceLabels(Inventory), "30%");
            test.Expect(onset + @for - Step, CriticalErrorRate)
                .Expect(onset + @for, CriticalErrorRate, critical)
                .Expect(TimeSpan.FromMinutes(15), CriticalErrorRate, critical);

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        [SkippableFact]
        public void Every_service_healthy_at_1_percent_5xx_fires_nothing()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            // "Nothing fires" below covers every alert the sample's rule files hold: three per service, and
            // CircuitBreakerActive for the three with [CircuitBreaker] (payment-service has none).
            Assert.Equal(new[] { HighErrorRate, CriticalErrorRate, HighLatency, CircuitBreakerActive }, rules.AlertNames);
            Assert.Equal(Services.Length * 3 + 3, rules.Rules.Count());

            var suite = new RuleTestFile();
            var test = suite.Test("every service healthy: 1% 5xx, P99 under 1s, no ejections");
            foreach (string service in Services)
            {
                Traffic(test, service, ok: "0+99x30", errors: "0+1x30");
                Latency(test, service, le1000: 100, le2500: 100, le5000: 100);
                test.Series(Ejections, Labels(("cluster_name", Cluster(service)), ("pod", "caller-1")), "0x30");
            }

            foreach (string time in new[] { "1m", "5m", "15m", "30m" })
            {
                foreach (string alert in rules.AlertNames)
                {
                    test.Expect(time, alert);
                }
            }

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        [SkippableFact]
        public void Shipping_P99_above_its_3s_LatencyP99_fires_after_its_for_and_not_before()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            var suite = new RuleTestFile();
            var test = suite.Test("shipping-service P99 = 3750ms from the start, the others fast");

            // Each minute 98 of shipping's 100 requests take under 1s and 2 take 2.5s–5s: histogram_quantile(0.99) = 3750ms.
            Latency(test, Shipping, le1000: 98, le2500: 98, le5000: 100);
            foreach (string service in Services.Where(s => s != Shipping))
            {
                Latency(test, service, le1000: 100, le2500: 100, le5000: 100);
            }

            // The 5m rate has its two samples from 1m on: the condition holds from then.
            TimeSpan onset = TimeSpan.FromMinutes(1);
            TimeSpan @for = rules.For(Shipping, Namespace, HighLatency);
            Assert.True(@for > TimeSpan.Zero, "shipping-service's ServiceHighLatency has no for:");
            var fired = rules.Expect(Shipping, Namespace, HighLatency, ServiceLabels(Shipping));
            test.Expect(onset, HighLatency)
                .Expect(onset + @for - Step, HighLatency) // pending: `for:` has not elapsed
                .Expect(onset + @for, HighLatency, fired)
                .Expect(TimeSpan.FromMinutes(15), HighLatency, fired);

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        [SkippableFact]
        public void P99_of_2_5s_fires_for_the_default_2s_threshold_but_not_for_shipping()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            var suite = new RuleTestFile();
            var test = suite.Test("every service at P99 = 2500ms: above the 2s default, below shipping's 3s");

            // Each minute 95 of 100 requests take under 1s, 4 take 1s–2.5s and 1 takes 2.5s–5s: histogram_quantile(0.99) = 2500ms.
            foreach (string service in Services)
            {
                Latency(test, service, le1000: 95, le2500: 99, le5000: 100);
            }

            var defaults = new[] { Checkout, Inventory, Payment };
            TimeSpan onset = TimeSpan.FromMinutes(1);
            TimeSpan @for = defaults.Select(s => rules.For(s, Namespace, HighLatency)).Distinct().Single();
            var fired = defaults.Select(s => rules.Expect(s, Namespace, HighLatency, ServiceLabels(s))).ToArray();
            test.Expect(onset + @for - Step, HighLatency)
                .Expect(onset + @for, HighLatency, fired)
                .Expect(TimeSpan.FromMinutes(20), HighLatency, fired);

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        [SkippableFact]
        public void Ejections_on_inventorys_outbound_cluster_fire_CircuitBreakerActive()
        {
            Promtool.SkipIfMissing();
            RuleFile rules = SampleRules();
            var suite = new RuleTestFile();
            var test = suite.Test("checkout's proxies eject inventory-service hosts from 3m");
            string inventory = Cluster(Inventory);
            test.Series(Ejections, Labels(("cluster_name", inventory), ("pod", "checkout-1")), "0x2 1x15")
                .Series(Ejections, Labels(("cluster_name", inventory), ("pod", "checkout-2")), "0x2 2x15");
            foreach (string service in Services.Where(s => s != Inventory))
            {
                test.Series(Ejections, Labels(("cluster_name", Cluster(service)), ("pod", "checkout-1")), "0x17");
            }

            // Clusters that are not inventory-service's: a longer name, another namespace, an inbound cluster.
            test.Series(Ejections, Labels(("cluster_name", "outbound|8080||inventory-service-v2.default.svc.cluster.local"), ("pod", "checkout-1")), "1x17")
                .Series(Ejections, Labels(("cluster_name", "outbound|8080||inventory-service.staging.svc.cluster.local"), ("pod", "checkout-1")), "1x17")
                .Series(Ejections, Labels(("cluster_name", "inbound|8080||"), ("pod", "inventory-1")), "1x17");

            TimeSpan onset = TimeSpan.FromMinutes(3);
            TimeSpan @for = rules.For(Inventory, Namespace, CircuitBreakerActive);
            Assert.True(@for > TimeSpan.Zero, "inventory-service's CircuitBreakerActive has no for:");
            var fired = rules.Expect(Inventory, Namespace, CircuitBreakerActive, Labels(("cluster_name", inventory)));
            test.Expect(onset - Step, CircuitBreakerActive)
                .Expect(onset + @for - Step, CircuitBreakerActive) // pending
                .Expect(onset + @for, CircuitBreakerActive, fired)
                .Expect(TimeSpan.FromMinutes(15), CircuitBreakerActive, fired);

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        /// <summary>The rule groups of the four services' generated <c>prometheusrule.yaml</c>, in one file.</summary>
        private RuleFile SampleRules() =>
            RuleFile.FromPrometheusRules(Services.Select(service => _sample.Manifests[service + "/prometheusrule.yaml"]));

        // The incident: every service healthy at 1% 5xx, then inventory-service answers 30% 5xx from 10m to 20m.
        private static void IncidentTest(RuleTestFile suite, RuleFile rules, bool wrongExpectation)
        {
            var test = suite.Test("case study incident: inventory-service 30% 5xx for 10 minutes");
            foreach (string service in Services)
            {
                bool incident = service == Inventory;
                Traffic(test, service,
                    ok: incident ? "0+99x10 1060+70x10" : "0+99x20",
                    errors: incident ? "0+1x10 40+30x10" : "0+1x20");
            }

            // The same service name in another namespace, failing hard: it is not the sample's inventory-service.
            Traffic(test, Inventory, "staging", ok: "0+50x20", errors: "0+50x20");

            // The critical rule's 2m rate holds only incident samples from 11m30s: promtool 2 (Debian's prometheus,
            // which .ci/run installs) counts a sample exactly at the window's start, so at 11m the 9m sample still
            // dilutes the ratio to 15.5%.
            TimeSpan onset = TimeSpan.FromMinutes(11.5);
            TimeSpan @for = rules.For(Inventory, Namespace, CriticalErrorRate);
            Assert.True(@for > TimeSpan.Zero, "inventory-service's ServiceCriticalErrorRate has no for:");
            var critical = rules.Expect(Inventory, Namespace, CriticalErrorRate, ServiceLabels(Inventory), "30%");
            var warning = rules.Expect(Inventory, Namespace, HighErrorRate, ServiceLabels(Inventory), "30%");
            test.Expect("9m", CriticalErrorRate)
                .Expect("9m", HighErrorRate)
                .Expect(onset + @for - Step, CriticalErrorRate) // pending: its `for:` has not elapsed
                .Expect(onset + @for, CriticalErrorRate, critical)
                .Expect("20m", HighErrorRate, warning);
            if (wrongExpectation)
            {
                test.Expect("20m", CriticalErrorRate, critical, rules.Expect(Checkout, Namespace, CriticalErrorRate, ServiceLabels(Checkout), "30%"));
            }
            else
            {
                test.Expect("20m", CriticalErrorRate, critical);
            }
        }

        private static void Traffic(RuleTestFile.Case test, string service, string ok, string errors) =>
            Traffic(test, service, Namespace, ok, errors);

        // The app's answers, reported by the callers' proxies (what the error alerts read) and by the service's own.
        private static void Traffic(RuleTestFile.Case test, string service, string @namespace, string ok, string errors)
        {
            foreach (string reporter in new[] { "source", "destination" })
            {
                test.Series(Requests, Istio(reporter, service, @namespace, ("response_code", "200")), ok)
                    .Series(Requests, Istio(reporter, service, @namespace, ("response_code", "503")), errors);
            }
        }

        /// <summary>100 requests a minute for 30 minutes; the <c>le…</c> arguments are how many of them finish within that many ms.</summary>
        private static void Latency(RuleTestFile.Case test, string service, int le1000, int le2500, int le5000)
        {
            foreach (var (le, perMinute) in new[] { ("500", 0), ("1000", le1000), ("2500", le2500), ("5000", le5000), ("+Inf", 100) })
            {
                test.Series(Buckets, Istio("destination", service, Namespace, ("le", le)), $"0+{perMinute}x30");
            }
        }

        private static string Cluster(string service) => $"outbound|8080||{service}.{Namespace}.svc.cluster.local";

        private static Dictionary<string, string> ServiceLabels(string service) =>
            Labels(("destination_service_name", service), ("destination_service_namespace", Namespace));

        private static Dictionary<string, string> Istio(string reporter, string service, string @namespace, (string, string) extra) =>
            Labels(("reporter", reporter), ("destination_service_namespace", @namespace), ("destination_service_name", service), extra);

        private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels) =>
            labels.ToDictionary(l => l.Key, l => l.Value);
    }
}
