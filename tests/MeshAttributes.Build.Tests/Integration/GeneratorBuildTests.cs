using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>
    /// End to end with the real generator: attributes in, files on disk out, through `dotnet build`.
    /// </summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class GeneratorBuildTests : IDisposable
    {
        private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private const string Policy = """
            using MeshAttributes;
            [assembly: MeshService("checkout-service")]
            [assembly: CircuitBreaker(Consecutive5xxErrors = 3, Interval = "10s")]
            [assembly: ConnectionPool(MaxRetries = 3)]
            [assembly: Retry(Attempts = 2, PerTryTimeout = "1s", RetryOn = "connect-failure,refused-stream")]
            [assembly: Timeout("5s")]
            """;

        private readonly SampleProject project;

        public GeneratorBuildTests(TaskAssemblyFixture fixture) => project = new SampleProject(fixture, withGenerator: true);

        [Fact]
        public void Removing_an_attribute_deletes_its_file_and_changing_a_value_rewrites_only_that_file()
        {
            project.SetSource(Policy);
            Testing.DotnetRun first = project.Build();
            Assert.True(first.ExitCode == 0, first.ToString());
            string destinationRule = project.Manifest("checkout-service/destinationrule.yaml");
            string virtualService = project.Manifest("checkout-service/virtualservice.yaml");
            string peerAuthentication = project.Manifest("checkout-service/peerauthentication.yaml");
            Assert.Contains("consecutive5xxErrors: 3", File.ReadAllText(destinationRule));
            foreach (string file in Directory.GetFiles(Path.Combine(project.DefaultManifestsFolder, "checkout-service")))
            {
                File.SetLastWriteTimeUtc(file, LongAgo);
            }

            project.SetSource(Policy.Replace("Consecutive5xxErrors = 3", "Consecutive5xxErrors = 4"));
            Testing.DotnetRun changed = project.Build();
            Assert.True(changed.ExitCode == 0, changed.ToString());
            Assert.Equal(1, changed.Written);
            Assert.Contains("consecutive5xxErrors: 4", File.ReadAllText(destinationRule));
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(virtualService));
            Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(peerAuthentication));

            // Without [Retry] and [Timeout] no route says anything: the VirtualService goes, and leaves the kustomization.
            project.SetSource(Policy.Replace("[assembly: Retry(Attempts = 2, PerTryTimeout = \"1s\", RetryOn = \"connect-failure,refused-stream\")]", string.Empty)
                .Replace("[assembly: Timeout(\"5s\")]", string.Empty));
            Testing.DotnetRun removed = project.Build();
            Assert.True(removed.ExitCode == 0, removed.ToString());
            Assert.False(File.Exists(virtualService), removed.ToString());
            Assert.DoesNotContain("virtualservice.yaml", File.ReadAllText(project.Manifest("checkout-service/kustomization.yaml")));
        }

        [Fact]
        public void Lowering_an_errors_severity_does_not_let_the_invalid_value_reach_disk()
        {
            project.SetSource(Policy);
            Assert.Equal(0, project.Build().ExitCode);
            string destinationRule = project.Manifest("checkout-service/destinationrule.yaml");
            Assert.True(File.Exists(destinationRule));

            project.WriteFile(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MESH001.severity = none\n");
            project.SetSource(Policy.Replace("Interval = \"10s\"", "Interval = \"10 s\""));
            Testing.DotnetRun build = project.Build();

            Assert.NotEqual(0, build.ExitCode);
            Assert.Contains("error MESH001", build.Output);
            Assert.Contains("checkout-service", build.Output);
            Assert.Contains("'10 s'", build.Output);
            Assert.False(File.Exists(destinationRule), "the stale DestinationRule from the previous build must not survive");
        }

        public void Dispose() => project.Dispose();
    }
}
