using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>The Core rules as pure functions, without Roslyn.</summary>
    public class CoreRuleTests
    {
        private static ServiceSpec Service(RetrySpec? retry = null, TimeoutSpec? timeout = null, params EndpointSpec[] endpoints) =>
            new("payment-service", null, null, null, new ConnectionPoolSpec(null, null, null, null, null, null, 3, null), null, null, null,
                retry, timeout, EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, null, endpoints.ToEquatableArray());

        private static EndpointSpec Post(string name, RetrySpec? retry = null, bool idempotent = false) =>
            new(name, EquatableArray.Create("POST"), "/" + name, retry, null, idempotent);

        [Theory]
        [InlineData(1, 25)]
        [InlineData(2, 75)]
        [InlineData(3, 175)]
        [InlineData(4, 250)]
        [InlineData(9, 250)]
        public void Back_off_is_Envoys_jittered_exponential_maximum(int retry, long ms) =>
            Assert.Equal(ms, RetryTimeline.MaxBackOff(retry));

        [Fact]
        public void Retries_that_need_exactly_the_timeout_plus_back_off_are_cut_short()
        {
            // 4 tries of 2.5s = 10s, plus up to 275ms of back-off: the last retry can lose 275ms.
            var findings = RetriesExceedTimeoutRule.Check(Service(new RetrySpec(3, "2500ms", "connect-failure"), new TimeoutSpec("10s"))).ToList();
            Assert.Single(findings);
            Assert.Contains("the third retry is cut short after 2.225s", findings[0].Message);
            Assert.Equal("11s", findings[0].Properties[FindingProperties.Timeout]);
            Assert.Equal("2", findings[0].Properties[FindingProperties.Attempts]);
        }

        // Found by the property tests: Attempts = int.MaxValue looped forever (an int counter overflowing) in the back-off
        // sums, so the generator and the analyzer hung the build.
        [Fact]
        public void The_largest_Attempts_is_budgeted_in_closed_form_and_its_suggestion_is_a_duration()
        {
            Assert.Equal(25 + 75 + 175 + ((int.MaxValue - 3L) * 250), RetryTimeline.TotalBackOff(int.MaxValue));
            Assert.Equal(long.MaxValue, RetryTimeline.Needed(int.MaxValue, long.MaxValue / 1_000_000));
            Assert.Equal(int.MaxValue, RetryTimeline.MostRetriesWithin(long.MaxValue, 1, int.MaxValue));

            var findings = RetriesExceedTimeoutRule.Check(Service(new RetrySpec(int.MaxValue, "3079s", "connect-failure"), new TimeoutSpec("10s"))).ToList();
            Finding finding = Assert.Single(findings);
            Assert.Contains("no retry ever runs", finding.Message);
            Assert.True(IstioDuration.TryParse(finding.Properties[FindingProperties.Timeout], out _, out string? error), error);
            Assert.Contains(UnboundedRetryRule.Check(Service(new RetrySpec(int.MaxValue, "3079s", "connect-failure"))), f => IstioDuration.TryParse(f.Properties[FindingProperties.Timeout], out _, out _));
        }

        [Theory]
        [InlineData(3, 2500, 10_000, 2)]
        [InlineData(3, 2500, 11_000, 3)]
        [InlineData(5, 15_000, 10_000, -1)]
        [InlineData(int.MaxValue, 100, 1_000, 3)]
        public void Most_retries_within_a_timeout_is_the_largest_count_that_fits(int atMost, long perTry, long timeout, int expected)
        {
            Assert.Equal(expected, RetryTimeline.MostRetriesWithin(timeout, perTry, atMost));
            int counted = -1;
            for (int a = 0; a <= System.Math.Min(atMost, 1000) && RetryTimeline.Needed(a, perTry) <= timeout; a++)
            {
                counted = a;
            }

            Assert.Equal(counted, RetryTimeline.MostRetriesWithin(timeout, perTry, atMost));
        }

        // Found by the property tests: a percentage was written with the compiler's culture ("100,5" under de-DE), so the
        // generated source differed from machine to machine.
        [Theory]
        [InlineData("de-DE")]
        [InlineData("tr-TR")]
        public void Range_messages_read_the_same_in_every_culture(string culture)
        {
            ServiceSpec service = Service() with { RetryBudget = new RetryBudgetSpec(100.5, -1), Port = -1 };
            string invariant = string.Join("\n", RangeRule.Check(service).Select(f => f.Message));
            System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                Assert.Equal(invariant, string.Join("\n", RangeRule.Check(service).Select(f => f.Message)));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = before;
            }

            Assert.Contains("is 100.5,", invariant);
        }

        [Fact]
        public void A_per_try_timeout_longer_than_the_timeout_leaves_no_retry() =>
            Assert.Contains(
                "the first try is cut short after 10s and no retry ever runs",
                RetriesExceedTimeoutRule.Check(Service(new RetrySpec(2, "15s", "connect-failure"), new TimeoutSpec("10s"))).Single().Message);

        [Fact]
        public void Service_retry_reaches_POST_endpoints_without_own_routes_and_Idempotent_silences_it()
        {
            var service = Service(
                new RetrySpec(3, "2s", "5xx,connect-failure"),
                new TimeoutSpec("10s"),
                Post("charge"),
                Post("refund", idempotent: true),
                Post("quote", new RetrySpec(3, "2s", RetryConditions.SafeRetryOn)));
            var findings = NonIdempotentRetryRule.Check(service).ToList();
            Assert.Equal(new int?[] { 0 }, findings.Select(f => f.Target.Endpoint));
            Assert.Equal("true", findings[0].Properties[FindingProperties.Inherited]);
            Assert.Contains("'5xx'", findings[0].Message);
        }

        [Fact]
        public void The_service_part_and_each_endpoint_part_find_what_checking_everything_together_finds()
        {
            // The analyzer checks the service once and each endpoint where it is declared, against the service without its
            // endpoints (PolicyRules.EvaluateService / EvaluateEndpoint); the generator checks everything at once (Evaluate).
            // This fails if a rule's service part looks at the endpoints, or an endpoint part at the other endpoints.
            var endpoints = new[]
            {
                Post("a"),
                Post("b", new RetrySpec(2, null, "5xx")),
                Post("c", new RetrySpec(0, "1s", null)),
                Post("d", new RetrySpec(-1, "4", "5XX")),
                Post("e", new RetrySpec(3, "4s", "connect-failure")) with { Timeout = new TimeoutSpec("5s") },
                Post("f", idempotent: true),
                Post("g", new RetrySpec(1, "1s", "reset-before-request")),
            };
            var capped = Service(new RetrySpec(3, "4s", "reset"), new TimeoutSpec("10s"), endpoints) with { IstioVersion = "1.22" };
            var endpointIds = new System.Collections.Generic.HashSet<string>();
            foreach (ServiceSpec service in new[] { capped, capped with { ConnectionPool = null } })
            {
                ServiceSpec without = service with { Endpoints = EquatableArray<EndpointSpec>.Empty };
                var serviceFindings = PolicyRules.EvaluateService(without);
                var endpointFindings = endpoints.Select((e, i) => PolicyRules.EvaluateEndpoint(without, e, i)).ToList();

                Assert.All(serviceFindings, f => Assert.Null(f.Target.Endpoint));
                for (int i = 0; i < endpoints.Length; i++)
                {
                    Assert.All(endpointFindings[i], f => Assert.Equal(i, f.Target.Endpoint));
                    endpointIds.UnionWith(endpointFindings[i].Select(f => f.Id));
                }

                Assert.Equal(
                    PolicyRules.Evaluate(service).Select(Describe).OrderBy(d => d, System.StringComparer.Ordinal),
                    serviceFindings.Concat(endpointFindings.SelectMany(f => f)).Select(Describe).OrderBy(d => d, System.StringComparer.Ordinal));
                Assert.Contains(serviceFindings, f => f.Id == RuleIds.RetriesExceedTimeout);
            }

            // Every rule with an endpoint part found something on an endpoint, so each part was exercised.
            Assert.Equal(
                new[] { RuleIds.InvalidDuration, RuleIds.InvalidRetryOn, RuleIds.OutOfRange, RuleIds.ConflictingSettings, RuleIds.NotInIstioRelease, RuleIds.NonIdempotentRetry, RuleIds.RetriesExceedTimeout, RuleIds.UnboundedRetry, RuleIds.UncappedRetries }.OrderBy(id => id),
                endpointIds.OrderBy(id => id));
            Assert.Equal(endpointIds.Count, PolicyRules.All.Count(r => r.ChecksEndpoints));
        }

        private static string Describe(Finding finding) =>
            $"{finding.Id} {finding.Severity} {finding.Target} {finding.Message} [{string.Join(";", finding.Properties.OrderBy(p => p.Key, System.StringComparer.Ordinal))}]";

        [Fact]
        public void Stacked_retries_multiply_attempts_only_for_called_services()
        {
            var caller = Service() with { Name = "checkout-service", DependsOn = EquatableArray.Create(new DependencySpec("inventory-service", null)) };
            var callee = Service(new RetrySpec(3, "1s", "connect-failure"), new TimeoutSpec("10s")) with { Name = "inventory-service" };
            var other = callee with { Name = "shipping-service" };
            var clients = new[] { new InAppRetrySpec("AddStandardResilienceHandler", "inventory-service.shop.svc.cluster.local", 3, true), new InAppRetrySpec("AddPolicyHandler", "shipping-service", 2, true) };
            var finding = StackedRetriesRule.Check(caller, new[] { caller, callee, other }, clients).Single();
            Assert.Equal(0, finding.Target.Item);
            Assert.Contains("up to 16 times (4 × 4)", finding.Message);
        }

        [Fact]
        public void Errors_still_block_rendering_and_warnings_do_not()
        {
            var rendered = MeshAttributes.Core.Resources.ServiceRenderer.Render(Service(new RetrySpec(3, "4s", "5XX"), new TimeoutSpec("10s")));
            Assert.Contains(rendered.Errors, e => e.Id == RuleIds.InvalidRetryOn);
            Assert.DoesNotContain(rendered.Files, f => f.Path.EndsWith("virtualservice.yaml"));
            var warned = MeshAttributes.Core.Resources.ServiceRenderer.Render(Service(new RetrySpec(3, "4s", "connect-failure"), new TimeoutSpec("10s")));
            Assert.Empty(warned.Errors);
            Assert.Contains(warned.Files, f => f.Path.EndsWith("virtualservice.yaml"));
        }
    }
}
