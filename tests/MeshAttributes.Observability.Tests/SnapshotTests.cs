using MeshAttributes.Observability.Tests.Harness;
using Xunit;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>Golden files for one service (payment-service: custom thresholds and a runbook), so any change to what users get is reviewed.</summary>
    public sealed class SnapshotTests
    {
        [Theory]
        [InlineData("prometheusrule.yaml")]
        [InlineData("dashboard.json")]
        [InlineData("grafana-dashboard.yaml")]
        [InlineData("kustomization.yaml")]
        public void Payment_service_files_match_their_golden_files(string file) =>
            Snapshot.Verify(nameof(Payment_service_files_match_their_golden_files), file, CaseStudy.File(CaseStudy.Payment, file));
    }
}
