using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Testing;
using Xunit;
using static MeshAttributes.Core.Resources.PrometheusRuleBuilder;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>
    /// Replays the case study's signals through <c>promtool test rules</c> against the rules generated for all four
    /// services loaded together, so "fires for inventory-service and no other" is checked, not assumed.
    /// Series are sampled every minute; rules are evaluated every 30s as the generated groups say. Requests are
    /// reported as Istio reports them: errors by the callers' proxies (<c>reporter="source"</c>), latency by the
    /// service's own proxy (<c>reporter="destination"</c>).
    /// </summary>
    public sealed class IncidentReplayTests
    {
        private const string Requests = "istio_requests_total";
        private const string Buckets = "istio_request_duration_milliseconds_bucket";
        private const string Ejections = "envoy_cluster_outlier_detection_ejections_active";

        [SkippableFact]
        public void Inventory_at_30_percent_5xx_for_10_minutes_fires_critical_for_inventory_only()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();
            IncidentTest(suite, rules, wrongExpectation: false);
            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void A_wrong_expectation_makes_promtool_fail()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();
            IncidentTest(suite, rules, wrongExpectation: true);

            var (code, output) = Promtool.TestRules(rules, suite);

            Assert.True(code != 0, "promtool accepted an expectation that checkout-service pages too:\n" + output);
            Assert.Contains("FAILED", output);
            Assert.Contains("checkout-service", output);
        }

        [SkippableFact]
        public void Healthy_services_at_1_percent_5xx_fire_nothing()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();
            var test = suite.Test("every service healthy: 1% 5xx, fast, no ejections");
            foreach (ServiceSpec service in CaseStudy.All)
            {
                Traffic(test, service, ok: "0+99x30", errors: "0+1x30");
                Latency(test, service, le500: "0+100x30", le1000: "0+100x30");
                test.Series(Ejections, Labels(("cluster_name", Cluster(service)), ("pod", "caller-1")), "0x30");
            }

            foreach (string time in new[] { "5m", "15m", "30m" })
            {
                foreach (string alert in new[] { HighErrorRate, CriticalErrorRate, HighLatency, CircuitBreakerActive })
                {
                    test.Expect(time, alert);
                }
            }

            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void P99_above_the_services_LatencyP99_fires_after_its_for()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();
            var test = suite.Test("P99 = 1750ms: above payment's 1s, below the 2s default");

            // 98 of 100 requests a minute take 500ms–1s, 2 take 1s–2.5s: histogram_quantile(0.99) = 1750ms.
            foreach (ServiceSpec service in new[] { CaseStudy.Payment, CaseStudy.Shipping, CaseStudy.Checkout })
            {
                Traffic(test, service, ok: "0+100x20", errors: "0x20");
                Latency(test, service, le500: "0x20", le1000: "0+98x20");
            }

            var payment = rules.Expect(CaseStudy.Payment, HighLatency, ServiceLabels(CaseStudy.Payment));
            test.Expect("2m", HighLatency) // true since 1m, but `for: 3m` has not elapsed
                .Expect("5m", HighLatency, payment)
                .Expect("15m", HighLatency, payment)
                .Expect("15m", HighErrorRate);
            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void Ejections_of_the_services_outbound_clusters_fire_CircuitBreakerActive()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();
            var test = suite.Test("callers eject inventory-service hosts from 3m");
            string inventory = Cluster(CaseStudy.Inventory);
            test.Series(Ejections, Labels(("cluster_name", inventory), ("pod", "checkout-1")), "0x2 1x10")
                .Series(Ejections, Labels(("cluster_name", inventory), ("pod", "checkout-2")), "0x2 2x10")
                .Series(Ejections, Labels(("cluster_name", Cluster(CaseStudy.Payment)), ("pod", "checkout-1")), "0x12")
                // Clusters the inventory alert must not take for its own: a longer name, another namespace, inbound.
                .Series(Ejections, Labels(("cluster_name", "outbound|8080||inventory-service-v2.default.svc.cluster.local"), ("pod", "checkout-1")), "1x12")
                .Series(Ejections, Labels(("cluster_name", "outbound|8080||inventory-service.staging.svc.cluster.local"), ("pod", "checkout-1")), "1x12")
                .Series(Ejections, Labels(("cluster_name", "inbound|8080||"), ("pod", "inventory-1")), "1x12");

            var fired = rules.Expect(CaseStudy.Inventory, CircuitBreakerActive, Labels(("cluster_name", inventory)));
            test.Expect("2m", CircuitBreakerActive)
                .Expect("3m", CircuitBreakerActive) // pending: `for: 1m`
                .Expect("5m", CircuitBreakerActive, fired)
                .Expect("12m", CircuitBreakerActive, fired);
            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void A_subset_cluster_of_the_service_counts_too()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();
            string subset = "outbound|9090|v2|inventory-service.default.svc.cluster.local";
            suite.Test("ejections in subset v2 on another port")
                .Series(Ejections, Labels(("cluster_name", subset), ("pod", "checkout-1")), "1x10")
                .Expect("5m", CircuitBreakerActive, rules.Expect(CaseStudy.Inventory, CircuitBreakerActive, Labels(("cluster_name", subset))));
            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void Callers_seeing_the_callees_breaker_shed_load_fire_critical_with_no_destination_series()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();

            // inventory-service's breaker is open: 30% of its callers' requests get 503 UO (overflow) or UH (no healthy
            // host) from their own proxies. Those requests never reach inventory-service, whose proxy reports nothing.
            var test = suite.Test("callers' proxies shed 30% of inventory-service's requests from the start");
            test.Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "200"), ("response_flags", "-")), "0+70x20")
                .Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "503"), ("response_flags", "UO")), "0+20x20")
                .Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "503"), ("response_flags", "UH")), "0+10x20");

            var critical = rules.Expect(CaseStudy.Inventory, CriticalErrorRate, ServiceLabels(CaseStudy.Inventory), "30%");
            test.Expect("1m30s", CriticalErrorRate) // above 20% since 1m; `for: 1m` not elapsed
                .Expect("5m", CriticalErrorRate, critical)
                .Expect("15m", CriticalErrorRate, critical)
                .Expect("15m", HighErrorRate, rules.Expect(CaseStudy.Inventory, HighErrorRate, ServiceLabels(CaseStudy.Inventory), "30%"));
            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void Shed_load_is_not_diluted_by_the_services_own_reports()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();

            // The 70 requests a minute that get through are reported twice, by the callers' and by inventory-service's
            // proxy. Summing both reporters would read 30 / 170 = 17.6%, below the 20% critical threshold.
            var test = suite.Test("30% shed by the callers, the rest answered 200 and reported by both proxies");
            test.Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "200"), ("response_flags", "-")), "0+70x20")
                .Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "503"), ("response_flags", "UO")), "0+30x20")
                .Series(Requests, Own(CaseStudy.Inventory, ("response_code", "200"), ("response_flags", "-")), "0+70x20");

            test.Expect("5m", CriticalErrorRate, rules.Expect(CaseStudy.Inventory, CriticalErrorRate, ServiceLabels(CaseStudy.Inventory), "30%"));
            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void Shed_load_below_the_threshold_or_at_another_service_does_not_page_inventory()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            var suite = new RuleTestFile();

            // inventory-service's callers see 4% UO, under its 5% warning; checkout-service's callers see 30%.
            var test = suite.Test("4% shed at inventory-service, 30% at checkout-service");
            test.Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "200"), ("response_flags", "-")), "0+96x20")
                .Series(Requests, Caller(CaseStudy.Inventory, ("response_code", "503"), ("response_flags", "UO")), "0+4x20")
                .Series(Requests, Caller(CaseStudy.Checkout, ("response_code", "200"), ("response_flags", "-")), "0+70x20")
                .Series(Requests, Caller(CaseStudy.Checkout, ("response_code", "503"), ("response_flags", "UO")), "0+30x20");

            foreach (string time in new[] { "5m", "15m" })
            {
                test.Expect(time, HighErrorRate, rules.Expect(CaseStudy.Checkout, HighErrorRate, ServiceLabels(CaseStudy.Checkout), "30%"))
                    .Expect(time, CriticalErrorRate, rules.Expect(CaseStudy.Checkout, CriticalErrorRate, ServiceLabels(CaseStudy.Checkout), "30%"));
            }

            PassesPromtool(rules, suite);
        }

        [SkippableFact]
        public void A_service_without_outlier_detection_has_no_CircuitBreakerActive_to_fire()
        {
            Promtool.SkipIfMissing();
            var rules = CaseStudy.Rules(CaseStudy.All);
            Assert.DoesNotContain(CircuitBreakerActive, CaseStudy.File(CaseStudy.Payment, "prometheusrule.yaml"));

            // Ejections in payment-service's clusters (another tool's DestinationRule, say) page no MeshAttributes rule.
            var suite = new RuleTestFile();
            suite.Test("ejections of payment-service hosts")
                .Series(Ejections, Labels(("cluster_name", Cluster(CaseStudy.Payment)), ("pod", "checkout-1")), "1x10")
                .Expect("5m", CircuitBreakerActive);
            PassesPromtool(rules, suite);
        }

        // The incident: everyone healthy (1% 5xx), then inventory-service answers 30% 5xx from 10m to 20m.
        private static void IncidentTest(RuleTestFile suite, RuleFile rules, bool wrongExpectation)
        {
            var test = suite.Test("case study incident: inventory-service 30% 5xx for 10 minutes");
            foreach (ServiceSpec service in CaseStudy.All)
            {
                bool incident = service == CaseStudy.Inventory;
                Traffic(test, service,
                    ok: incident ? "0+99x10 1060+70x10" : "0+99x20",
                    errors: incident ? "0+1x10 40+30x10" : "0+1x20");
            }

            // The same service name in another namespace, failing hard: it is not this service and must not page for it.
            Traffic(test, CaseStudy.Service("inventory-service", "staging"), ok: "0+50x20", errors: "0+50x20");

            var critical = rules.Expect(CaseStudy.Inventory, CriticalErrorRate, ServiceLabels(CaseStudy.Inventory), "30%");
            var warning = rules.Expect(CaseStudy.Inventory, HighErrorRate, ServiceLabels(CaseStudy.Inventory), "30%");
            test.Expect("9m", CriticalErrorRate)
                .Expect("9m", HighErrorRate)
                .Expect("12m", CriticalErrorRate) // above 20% since 11m30s; `for: 1m` not elapsed
                .Expect("13m", CriticalErrorRate, critical)
                .Expect("20m", HighErrorRate, warning);
            if (wrongExpectation)
            {
                test.Expect("20m", CriticalErrorRate, critical, rules.Expect(CaseStudy.Checkout, CriticalErrorRate, ServiceLabels(CaseStudy.Checkout), "30%"));
            }
            else
            {
                test.Expect("20m", CriticalErrorRate, critical);
            }
        }

        // Requests and 503s the service's callers see; the app's own 503s are reported by both proxies, and the alert reads the callers'.
        private static void Traffic(RuleTestFile.Case test, ServiceSpec service, string ok, string errors)
        {
            test.Series(Requests, Caller(service, ("response_code", "200"), ("response_flags", "-")), ok)
                .Series(Requests, Caller(service, ("response_code", "503"), ("response_flags", "-")), errors)
                .Series(Requests, Own(service, ("response_code", "200"), ("response_flags", "-")), ok)
                .Series(Requests, Own(service, ("response_code", "503"), ("response_flags", "-")), errors);
        }

        private static void Latency(RuleTestFile.Case test, ServiceSpec service, string le500, string le1000)
        {
            test.Series(Buckets, Own(service, ("le", "500")), le500)
                .Series(Buckets, Own(service, ("le", "1000")), le1000)
                .Series(Buckets, Own(service, ("le", "2500")), "0+100x30")
                .Series(Buckets, Own(service, ("le", "+Inf")), "0+100x30");
        }

        private static void PassesPromtool(RuleFile rules, RuleTestFile suite)
        {
            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        private static string Cluster(ServiceSpec service) => $"outbound|8080||{service.Name}.{service.EffectiveNamespace}.svc.cluster.local";

        private static Dictionary<string, string> ServiceLabels(ServiceSpec service) =>
            Labels(("destination_service_name", service.Name), ("destination_service_namespace", service.EffectiveNamespace));

        // As the callers' proxies report the service's requests.
        private static Dictionary<string, string> Caller(ServiceSpec service, params (string, string)[] extra) =>
            Labels(new[] { ("reporter", "source"), ("destination_service_namespace", service.EffectiveNamespace), ("destination_service_name", service.Name) }.Concat(extra).ToArray());

        // As the service's own proxy reports them.
        private static Dictionary<string, string> Own(ServiceSpec service, params (string, string)[] extra) =>
            Labels(new[] { ("reporter", "destination"), ("destination_service_namespace", service.EffectiveNamespace), ("destination_service_name", service.Name) }.Concat(extra).ToArray());

        private static Dictionary<string, string> Labels(params (string Key, string Value)[] labels)
        {
            var map = new Dictionary<string, string>();
            foreach (var (key, value) in labels)
            {
                map[key] = value;
            }

            return map;
        }
    }
}
