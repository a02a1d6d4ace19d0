using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using MeshAttributes.PackageTests.Infrastructure;
using Xunit;

namespace MeshAttributes.PackageTests
{
    /// <summary>
    /// A `dotnet new web` service that added the packed package with `dotnet add package` from a local feed, built
    /// with `dotnet build`: the generator, the analyzers and the MSBuild task all come from the package.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class UserServiceBuildTests
    {
        private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly PackageFixture fixture;
        private readonly UserService service;

        public UserServiceBuildTests(PackageFixture fixture)
        {
            this.fixture = fixture;
            service = fixture.Service;
            service.SetSources(ServiceSources.Policy, ServiceSources.Program);
        }

        [Fact]
        public void Build_writes_the_declared_policy_as_manifests_under_OutDir_mesh()
        {
            Testing.DotnetRun build = service.Build();

            Assert.True(build.Succeeded, build.ToString());
            Assert.DoesNotContain("MESH", build.Output.Replace("MeshAttributes", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

            var destinationRule = YamlDocument.Load(Path.Combine(service.DefaultManifests, "destinationrule.yaml"));
            Assert.Equal("networking.istio.io/v1", destinationRule.Scalar("apiVersion"));
            Assert.Equal("DestinationRule", destinationRule.Scalar("kind"));
            Assert.Equal("order-service", destinationRule.Scalar("metadata.name"));
            Assert.Equal("default", destinationRule.Scalar("metadata.namespace"));
            Assert.Equal("order-service", destinationRule.Scalar("spec.host"));
            Assert.Equal("100", destinationRule.Scalar("spec.trafficPolicy.connectionPool.tcp.maxConnections"));
            Assert.Equal("5s", destinationRule.Scalar("spec.trafficPolicy.connectionPool.tcp.connectTimeout"));
            Assert.Equal("3", destinationRule.Scalar("spec.trafficPolicy.connectionPool.http.maxRetries"));
            Assert.Equal("3", destinationRule.Scalar("spec.trafficPolicy.outlierDetection.consecutive5xxErrors"));
            Assert.Equal("10s", destinationRule.Scalar("spec.trafficPolicy.outlierDetection.interval"));
            Assert.Equal("30s", destinationRule.Scalar("spec.trafficPolicy.outlierDetection.baseEjectionTime"));
            Assert.Equal("50", destinationRule.Scalar("spec.trafficPolicy.outlierDetection.maxEjectionPercent"));
            Assert.Equal("LEAST_REQUEST", destinationRule.Scalar("spec.trafficPolicy.loadBalancer.simple"));
            Assert.Equal("ISTIO_MUTUAL", destinationRule.Scalar("spec.trafficPolicy.tls.mode"));

            // The template's top-level endpoints get their own routes ahead of the service's default route.
            var virtualService = YamlDocument.Load(Path.Combine(service.DefaultManifests, "virtualservice.yaml"));
            Assert.Equal(3, virtualService.Count("spec.http"));
            Assert.Equal(["get-orders-id", "get-tracking-number", "default"], Enumerable.Range(0, 3).Select(i => virtualService.Scalar($"spec.http.{i}.name")));
            Assert.Equal("8s", virtualService.Scalar("spec.http.0.timeout"));
            Assert.Equal("2", virtualService.Scalar("spec.http.0.retries.attempts"));
            Assert.Equal("(?i)/tracking/[^/]+/?", virtualService.Scalar("spec.http.1.match.0.uri.regex"));
            Assert.Equal("(?i)/orders/[^/]+/?", virtualService.Scalar("spec.http.0.match.0.uri.regex"));
            Assert.Equal("5xx,connect-failure", virtualService.Scalar("spec.http.1.retries.retryOn"));
            Assert.Equal("10s", virtualService.Scalar("spec.http.1.timeout"));
            Assert.Equal("connect-failure,refused-stream", virtualService.Scalar("spec.http.2.retries.retryOn"));

            var peerAuthentication = YamlDocument.Load(Path.Combine(service.DefaultManifests, "peerauthentication.yaml"));
            Assert.Equal("STRICT", peerAuthentication.Scalar("spec.mtls.mode"));

            var kustomization = YamlDocument.Load(Path.Combine(service.DefaultManifests, "kustomization.yaml"));
            string[] resources = kustomization.Scalars("resources");
            Assert.Contains("destinationrule.yaml", resources);
            Assert.Contains("virtualservice.yaml", resources);
            Assert.Contains("peerauthentication.yaml", resources);
            Assert.All(resources, resource => Assert.True(File.Exists(Path.Combine(service.DefaultManifests, resource)), resource));
        }

        [Fact]
        public void Retrying_a_post_on_replaying_conditions_warns_MESH100_and_still_builds()
        {
            service.SetSources(ServiceSources.Policy, ServiceSources.UnsafeProgram);

            Testing.DotnetRun build = service.Build();

            Assert.True(build.Succeeded, build.ToString());
            Assert.True(build.HasDiagnostic("warning", "MESH100"), build.ToString());
            Assert.True(File.Exists(Path.Combine(service.DefaultManifests, "virtualservice.yaml")));
        }

        [Fact]
        public void An_invalid_duration_fails_the_build_with_MESH001_and_writes_nothing()
        {
            service.SetSources(ServiceSources.InvalidPolicy, ServiceSources.Program);
            string output = fixture.NewPath("invalid");

            Testing.DotnetRun build = service.Build($"-p:MeshManifestsOutputPath={output}/");

            Assert.False(build.Succeeded, build.ToString());
            Assert.True(build.HasDiagnostic("error", "MESH001"), build.ToString());
            Assert.Contains("10 s", build.Output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output), $"{output} was created by:\n{build}");
        }

        [Fact]
        public void A_second_build_with_nothing_changed_skips_the_task_and_rewrites_no_manifest()
        {
            Testing.DotnetRun first = service.Build();
            Assert.True(first.Succeeded, first.ToString());
            string[] manifests = Directory.GetFiles(service.DefaultManifests);
            Assert.NotEmpty(manifests);
            foreach (string manifest in manifests)
            {
                File.SetLastWriteTimeUtc(manifest, LongAgo);
            }

            // The stamp is the target's output: it stays as the first build left it (older would rerun the target).
            DateTime stamped = File.GetLastWriteTimeUtc(service.StampFile);

            Testing.DotnetRun second = service.Build("-v:n");

            Assert.True(second.Succeeded, second.ToString());
            Assert.True(second.SkippedWriteTarget, second.ToString());
            Assert.False(second.TaskRan, second.ToString());
            Assert.Equal(manifests.Order(), Directory.GetFiles(service.DefaultManifests).Order());
            Assert.All(manifests, file => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(file)));
            Assert.Equal(stamped, File.GetLastWriteTimeUtc(service.StampFile));
        }

        [Fact]
        public void MeshManifestsOutputPath_moves_the_manifests_to_the_folder_it_names()
        {
            Assert.True(service.Build().Succeeded);
            Assert.True(File.Exists(Path.Combine(service.DefaultManifests, "destinationrule.yaml")));
            string output = fixture.NewPath("manifests");

            Testing.DotnetRun build = service.Build($"-p:MeshManifestsOutputPath={output}/");

            Assert.True(build.Succeeded, build.ToString());
            Assert.True(File.Exists(Path.Combine(output, "order-service", "destinationrule.yaml")), build.ToString());
            Assert.True(File.Exists(Path.Combine(output, "order-service", "kustomization.yaml")), build.ToString());
            Assert.False(File.Exists(Path.Combine(service.DefaultManifests, "destinationrule.yaml")), "the old folder still holds what the build no longer writes there");
        }

        [Fact]
        public void MeshGenerateManifests_false_builds_without_writing_manifests()
        {
            string output = fixture.NewPath("off");

            Testing.DotnetRun build = service.Build($"-p:MeshManifestsOutputPath={output}/", "-p:MeshGenerateManifests=false");

            Assert.True(build.Succeeded, build.ToString());
            Assert.False(build.TaskRan, build.ToString());
            Assert.False(Directory.Exists(output), $"{output} was created by:\n{build}");
        }

        [Fact]
        public void MeshNamespace_is_the_namespace_of_a_service_that_names_none()
        {
            string output = fixture.NewPath("namespace");

            Testing.DotnetRun build = service.Build($"-p:MeshManifestsOutputPath={output}/", "-p:MeshNamespace=shop");

            Assert.True(build.Succeeded, build.ToString());
            Assert.Equal("shop", YamlDocument.Load(Path.Combine(output, "order-service", "destinationrule.yaml")).Scalar("metadata.namespace"));
        }

        [Fact]
        public async Task The_built_service_runs_with_the_attributes_assembly_the_package_deployed()
        {
            Testing.DotnetRun build = service.Build();
            Assert.True(build.Succeeded, build.ToString());
            Assert.True(File.Exists(Path.Combine(service.OutDir, "MeshAttributes.dll")), "lib/ is a runtime asset: ASP.NET Core instantiates the endpoint attributes");

            using var running = new RunningService(Path.Combine(service.OutDir, $"{UserService.Name}.dll"));
            using var http = new HttpClient { BaseAddress = running.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            HttpResponseMessage response = await http.GetAsync(new Uri("/orders/7", UriKind.Relative));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}\n{running.Output}");
            Assert.Equal("7", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public void A_project_referencing_the_service_builds_gets_the_attributes_assembly_and_writes_no_manifests()
        {
            string consumer = service.CreateConsumer("OrderClient");

            Testing.DotnetRun build = service.BuildConsumer(consumer);

            Assert.True(build.Succeeded, build.ToString());
            string outDir = Path.Combine(consumer, "bin", "Debug", "net10.0");
            Assert.True(File.Exists(Path.Combine(outDir, "MeshAttributes.dll")), build.ToString());
            Assert.False(Directory.Exists(Path.Combine(outDir, "mesh")), build.ToString());
        }
    }
}
