using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Rules;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    public class IstioReleaseTests
    {
        [Theory]
        [InlineData("1.22", 1, 22)]
        [InlineData(" 1.9 ", 1, 9)]
        [InlineData("1.24.3", 1, 24)]
        [InlineData("2.0", 2, 0)]
        public void Major_minor_and_an_ignored_patch_are_read(string text, int major, int minor)
        {
            Assert.True(IstioRelease.TryParse(text, out IstioRelease release));
            Assert.Equal(new IstioRelease(major, minor), release);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("1")]
        [InlineData("1.")]
        [InlineData(".22")]
        [InlineData("v1.22")]
        [InlineData("1.22.")]
        [InlineData("1.22.3.4")]
        [InlineData("1.022")]
        [InlineData("1.22-rc1")]
        [InlineData("-1.22")]
        [InlineData("1. 22")]
        [InlineData("latest")]
        public void Anything_else_is_not_a_release(string? text) =>
            Assert.False(IstioRelease.TryParse(text, out _));

        [Fact]
        public void Releases_order_by_minor_number_not_by_text()
        {
            Assert.True(new IstioRelease(1, 9) < new IstioRelease(1, 10));
            Assert.True(new IstioRelease(2, 0) > new IstioRelease(1, 30));
            Assert.Equal("1.9", new IstioRelease(1, 9).ToString());
        }

        [Fact]
        public void The_default_lies_in_the_supported_range() =>
            Assert.True(IstioRelease.Oldest <= IstioRelease.Default && IstioRelease.Default <= IstioRelease.Newest);

        [Theory]
        [InlineData("1.21", "networking.istio.io/v1beta1", "security.istio.io/v1beta1")]
        [InlineData("1.22", "networking.istio.io/v1", "security.istio.io/v1")]
        public void V1_apis_start_with_1_22(string release, string networking, string security)
        {
            IstioRelease target = IstioRelease.ParseOrDefault(release);
            Assert.Equal(networking, IstioFeatures.Networking(target));
            Assert.Equal(security, IstioFeatures.Security(target));
        }

        [Theory]
        [InlineData("1.22", "5xx,reset-before-request", true)]
        [InlineData("1.22", "5xx,reset", false)]
        [InlineData("1.22", "reset-before-requests", false)]
        [InlineData("1.23", "reset-before-request", false)]
        [InlineData(null, "reset-before-request", false)]
        public void Reset_before_request_is_reported_only_before_1_23(string? release, string retryOn, bool reported)
        {
            var service = Service() with { IstioVersion = release, Retry = new RetrySpec(2, "1s", retryOn) };
            Assert.Equal(reported, IstioReleaseRule.Check(service).Any(f => f.Target == new FindingTarget("Retry", "RetryOn")));
        }

        [Fact]
        public void The_finding_on_reset_before_request_offers_the_list_without_it()
        {
            var service = Service() with { IstioVersion = "1.20", Retry = new RetrySpec(2, "1s", "connect-failure,reset-before-request,503") };
            Assert.Contains("write RetryOn = \"connect-failure,503\"", IstioReleaseRule.Check(service).Single().Message);
        }

        [Fact]
        public void Non_idempotent_retries_are_pointed_at_conditions_the_target_release_accepts()
        {
            var endpoint = new EndpointSpec("Orders.Create", EquatableArray.Create("POST"), "/orders", new RetrySpec(2, "1s", "5xx"), null, false);
            var service = Service() with { Endpoints = EquatableArray.Create(endpoint) };

            Assert.Equal(RetryConditions.SafeRetryOn, NonIdempotentRetryRule.Check(service).Single().Properties[FindingProperties.Replacement]);
            Assert.Equal("connect-failure,refused-stream", NonIdempotentRetryRule.Check(service with { IstioVersion = "1.22" }).Single().Properties[FindingProperties.Replacement]);
        }

        [Fact]
        public void A_retry_budget_before_1_27_refuses_the_destination_rule_alone()
        {
            var service = Service() with { IstioVersion = "1.26", RetryBudget = new RetryBudgetSpec(20, null) };
            RenderedService rendered = ServiceRenderer.Render(service);

            Assert.Equal(new[] { "orders/destinationrule.yaml" }, rendered.Errors.Select(e => e.Path));
            Assert.Contains(rendered.Files, f => f.Path == "orders/peerauthentication.yaml");
        }

        [Theory]
        [InlineData("latest")]
        [InlineData("1.19")]
        [InlineData("0.8")]
        public void An_unsupported_MeshIstioVersion_refuses_every_file(string release)
        {
            RenderedService rendered = ServiceRenderer.Render(Service() with { IstioVersion = release });

            Assert.Empty(rendered.Files);
            Assert.All(rendered.Errors, e => Assert.Equal(RuleIds.NotInIstioRelease, e.Id));
        }

        [Theory]
        [InlineData("payments", true)]
        [InlineData("payments.v2", true)]
        [InlineData("Payments", false)]
        [InlineData("payments..v2", false)]
        [InlineData(".payments", false)]
        [InlineData("payments_sa", false)]
        public void Service_accounts_are_dns_subdomains(string account, bool valid) =>
            Assert.Equal(valid, DnsSubdomain.IsValid(account));

        [Fact]
        public void The_suggested_service_account_is_valid() =>
            Assert.Equal("payments-sa.v2", DnsSubdomain.Suggest("Payments_SA..V2"));

        private static ServiceSpec Service() => new(
            "orders", null, null, null, null, null, null, null, null, null,
            EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, null, EquatableArray<EndpointSpec>.Empty);
    }
}
