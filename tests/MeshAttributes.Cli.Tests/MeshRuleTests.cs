using System.Linq;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Rules;
using Xunit;
using static MeshAttributes.Cli.Tests.Mesh;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>Each mesh-wide rule on generated manifests: the smallest mesh that fires it, and its nearest safe neighbour.</summary>
    public class MeshRuleTests
    {
        private static MeshFinding[] Only(string id, params Core.Model.ServiceSpec[] services) =>
            Check(services).Where(f => f.Id == id).ToArray();

        [Fact]
        public void MESH200_fires_when_tries_multiply_past_the_limit_along_a_path()
        {
            var findings = Only(MeshRuleIds.RetryAmplification,
                Service("a", "b"),
                Service("b", "c").Retry(3, "1s", "5s"),
                Service("c").Retry(3, "250ms", "2s"));

            MeshFinding finding = Assert.Single(findings);
            Assert.Equal("default/a", finding.Service);
            Assert.Equal(new[] { "a", "b", "c" }, finding.Path);
            Assert.Contains("up to 16 requests to 'c'", finding.Message);
            Assert.EndsWith("a/sidecar.yaml", finding.Location!.Value.File);
        }

        [Fact]
        public void MESH200_is_silent_at_the_limit()
        {
            // 4 × 2 = 8 tries: within 10.
            Assert.Empty(Only(MeshRuleIds.RetryAmplification,
                Service("a", "b"),
                Service("b", "c").Retry(3, "1s", "5s"),
                Service("c").Retry(1, "250ms", "2s")));
        }

        [Fact]
        public void MESH200_counts_in_app_retries_as_a_layer_of_their_own()
        {
            // Alone the mesh makes 4 tries; the caller's AddStandardResilienceHandler (3 retries) makes it 16.
            Assert.Empty(Only(MeshRuleIds.RetryAmplification, Service("a", "b"), Service("b").Retry(3, "1s", "5s")));
            var finding = Assert.Single(Only(MeshRuleIds.RetryAmplification, Service("a", "b").InApp("b", 3), Service("b").Retry(3, "1s", "5s")));
            Assert.Contains("up to 16 requests", finding.Message);
            Assert.Contains("4 in-app × 4 mesh", finding.Message);
        }

        [Fact]
        public void MESH200_limit_is_configurable()
        {
            var services = new[] { Service("a", "b"), Service("b", "c").Retry(3, "1s", "5s"), Service("c").Retry(3, "250ms", "2s") };
            Assert.DoesNotContain(MeshCheck.Run(Read(services), new MeshCheckOptions(16)), f => f.Id == MeshRuleIds.RetryAmplification);
            Assert.Single(MeshCheck.Run(Read(services), new MeshCheckOptions(15)), f => f.Id == MeshRuleIds.RetryAmplification);
        }

        [Fact]
        public void MESH201_fires_when_the_caller_gives_up_before_the_callees_retries_end()
        {
            // b's retries need 4 × 2s + back-off (cut at its 10s timeout); a waits 3s.
            var finding = Assert.Single(Only(MeshRuleIds.TimeoutInversion, Service("a", "b").Timeout("3s"), Service("b").Retry(3, "2s", "10s")));
            Assert.Equal(new[] { "a", "b" }, finding.Path);
            Assert.Contains("times out after 3s", finding.Message);
            Assert.Contains("up to 8.275s", finding.Message);
            Assert.EndsWith("a/virtualservice.yaml", finding.Location!.Value.File);
        }

        [Fact]
        public void MESH201_is_silent_when_the_callers_timeout_covers_the_retries()
        {
            Assert.Empty(Only(MeshRuleIds.TimeoutInversion, Service("a", "b").Timeout("9s"), Service("b").Retry(3, "2s", "10s")));
        }

        [Fact]
        public void MESH202_fires_on_a_dependency_no_manifest_describes()
        {
            var finding = Assert.Single(Only(MeshRuleIds.UndeclaredDependency, Service("a", "b", "ghost"), Service("b")));
            Assert.Contains("'ghost'", finding.Message);
            Assert.Equal(FindingSeverity.Warning, finding.Severity);
        }

        [Fact]
        public void MESH202_fires_on_an_in_app_client_for_a_service_the_sidecar_does_not_list()
        {
            var finding = Assert.Single(Only(MeshRuleIds.UndeclaredDependency, Service("a", "b").InApp("c", 2), Service("b"), Service("c")));
            Assert.Contains("calls 'c'", finding.Message);
        }

        [Fact]
        public void MESH202_is_silent_when_every_dependency_is_in_the_mesh()
        {
            Assert.Empty(Only(MeshRuleIds.UndeclaredDependency, Service("a", "b").InApp("b", 2), Service("b")));
        }

        [Fact]
        public void MESH203_fires_when_the_callees_policy_does_not_admit_the_caller()
        {
            var finding = Assert.Single(Only(MeshRuleIds.CallerNotAllowed, Service("a", "b"), Service("b").Allow("someone-else")));
            Assert.Equal(FindingSeverity.Error, finding.Severity);
            Assert.Contains("cluster.local/ns/default/sa/a", finding.Message);
        }

        [Fact]
        public void MESH203_is_silent_when_the_caller_is_admitted()
        {
            Assert.Empty(Only(MeshRuleIds.CallerNotAllowed, Service("a", "b"), Service("b").Allow("a")));
        }

        [Fact]
        public void MESH203_admits_a_caller_by_the_service_account_its_manifests_name()
        {
            // a's pods run as a-runner (the annotation on its Sidecar and policies); b admits exactly that account.
            Assert.Empty(Only(MeshRuleIds.CallerNotAllowed, Service("a", "b").RunsAs("a-runner"), Service("b").AllowAccount("a", "a-runner")));
        }

        [Fact]
        public void MESH203_fires_when_the_callee_admits_the_callers_name_but_not_the_account_it_runs_as()
        {
            var finding = Assert.Single(Only(MeshRuleIds.CallerNotAllowed, Service("a", "b").RunsAs("a-runner"), Service("b").Allow("a")));
            Assert.Contains("cluster.local/ns/default/sa/a-runner", finding.Message);
            Assert.Contains("[AllowCaller(\"a\", ServiceAccount = \"a-runner\")]", finding.Message);
        }

        [Fact]
        public void MESH204_fires_once_per_cycle_from_its_first_service()
        {
            var finding = Assert.Single(Only(MeshRuleIds.DependencyCycle, Service("c", "a"), Service("a", "b"), Service("b", "c")));
            Assert.Equal(new[] { "a", "b", "c", "a" }, finding.Path);
            Assert.Equal("default/a", finding.Service);
        }

        [Fact]
        public void MESH204_is_silent_on_a_diamond()
        {
            Assert.Empty(Only(MeshRuleIds.DependencyCycle, Service("a", "b", "c"), Service("b", "d"), Service("c", "d"), Service("d")));
        }
    }
}
