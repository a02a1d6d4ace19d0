using System.Collections.Generic;
using MeshAttributes.Core.Rendering;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>The mesh-wide MTLSCoverageDrop the CLI will write: it fires on plaintext traffic and only on that.</summary>
    public sealed class MeshAlertRulesTests
    {
        [SkippableFact]
        public void MTLSCoverageDrop_fires_at_90_percent_mtls_and_not_at_100_percent()
        {
            Promtool.SkipIfMissing();
            var rules = new RuleFile().AddPrometheusRule(YamlRenderer.Render(MeshAlertRules.PrometheusRule()));
            var suite = new RuleTestFile();

            // The client-side proxy reports every request as "unknown": counting it, as the case study did, halves the
            // ratio and the alert would fire on a fully encrypted mesh.
            var sourceSide = new Dictionary<string, string> { ["reporter"] = "source", ["connection_security_policy"] = "unknown" };
            suite.Test("all traffic mutual TLS")
                .Series("istio_requests_total", Destination("mutual_tls"), "0+100x30")
                .Series("istio_requests_total", sourceSide, "0+100x30")
                .Expect("20m", MeshAlertRules.MtlsCoverageDropAlert);

            var fired = new ExpectedAlert(
                new Dictionary<string, string> { ["severity"] = "warning" },
                new Dictionary<string, string>
                {
                    ["summary"] = "mTLS coverage dropped below 95%",
                    ["description"] = "Some services may be communicating without encryption",
                });
            suite.Test("10% plaintext")
                .Series("istio_requests_total", Destination("mutual_tls"), "0+90x30")
                .Series("istio_requests_total", Destination("none"), "0+10x30")
                .Series("istio_requests_total", sourceSide, "0+100x30")
                .Expect("3m", MeshAlertRules.MtlsCoverageDropAlert) // pending: `for: 5m`
                .Expect("20m", MeshAlertRules.MtlsCoverageDropAlert, fired);

            Assert.Contains("SUCCESS", Promtool.AssertTestRulesPass(rules, suite));
        }

        private static Dictionary<string, string> Destination(string policy) =>
            new() { ["reporter"] = "destination", ["connection_security_policy"] = policy, ["destination_service_name"] = "checkout-service" };
    }
}
