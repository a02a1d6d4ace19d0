using System;
using System.IO;
using MeshAttributes.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;
using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    /// <summary>
    /// The task's wording for the <c>platform/</c> folder of an assembly with <c>[assembly: MeshPlatform]</c>: the platform is
    /// not counted or named as a service, and a service named <c>platform</c>, which would write into the same folder, is refused
    /// with MESHB002 naming the cause.
    /// </summary>
    public sealed class PlatformFolderTests : IDisposable
    {
        private const string Platform = "[assembly: MeshAttributes.MeshPlatform]";

        private readonly TempFolder temp = new();

        private string Output => temp.Combine("mesh") + Path.DirectorySeparatorChar;

        [Fact]
        public void The_summary_counts_the_services_and_the_platform_apart()
        {
            TaskRun run = Run(
                Platform,
                CSharpSource.Manifest("platform/peerauthentication.yaml", "p"),
                CSharpSource.Manifest("platform/kustomization.yaml", "k"),
                CSharpSource.Manifest("cart/destinationrule.yaml", "d"),
                CSharpSource.Manifest("billing/destinationrule.yaml", "d"));

            Assert.True(run.Success, run.ErrorText);
            Assert.StartsWith($"MeshAttributes: 2 services and the platform, 4 manifests in {Output}", Summary(run));
        }

        [Fact]
        public void A_platform_project_without_services_reports_the_platform_alone()
        {
            TaskRun run = Run(Platform, CSharpSource.Manifest("platform/kustomization.yaml", "k"));

            Assert.True(run.Success, run.ErrorText);
            Assert.StartsWith($"MeshAttributes: the platform, 1 manifest in {Output}", Summary(run));
        }

        [Fact]
        public void Without_mesh_platform_a_platform_folder_is_counted_as_a_service()
        {
            TaskRun run = Run(CSharpSource.Manifest("platform/kustomization.yaml", "k"));

            Assert.True(run.Success, run.ErrorText);
            Assert.StartsWith($"MeshAttributes: 1 service, 1 manifest in {Output}", Summary(run));
        }

        [Fact]
        public void A_refused_platform_file_is_reported_for_the_platform()
        {
            const string Message = "MeshPlatform.ProxyLimitsMemory is \"128MB\", which is not a Kubernetes resource quantity.";

            TaskRun run = Run(Platform, CSharpSource.Error("platform/istio-operator.yaml", "MESH010", Message), CSharpSource.Error("cart/virtualservice.yaml", "MESH001", "bad"));

            Assert.False(run.Success);
            Assert.Equal(
                [$"MeshAttributes did not write 'istio-operator.yaml' for the platform: {Message}", "MeshAttributes did not write 'virtualservice.yaml' for service 'cart': bad"],
                run.Engine.Errors.ConvertAll(e => e.Message));
        }

        [Fact]
        public void A_service_named_platform_in_the_platform_project_is_refused_with_the_cause()
        {
            TaskRun run = Run(
                Platform,
                CSharpSource.Manifest("platform/peerauthentication.yaml", "mesh-wide"),
                CSharpSource.Manifest("platform/destinationrule.yaml", "service"),
                CSharpSource.Manifest("platform/peerauthentication.yaml", "service"));

            Assert.False(run.Success);
            BuildErrorEventArgs error = Assert.Single(run.Engine.Errors);
            Assert.Equal("MESHB002", error.Code);
            Assert.Equal(
                "MeshAttributes: two manifests have the path 'platform/peerauthentication.yaml': a service named 'platform' writes into the folder of [assembly: MeshPlatform]'s files; rename the service in its [MeshService(\"...\")].",
                error.Message);
            Assert.False(Directory.Exists(Output));
        }

        public void Dispose() => temp.Dispose();

        private static string Summary(TaskRun run) =>
            Assert.Single(run.Engine.Messages, m => m.Importance == MessageImportance.High).Message!;

        private TaskRun Run(params string[] attributeLines)
        {
            string dll = TestAssembly.Compile(CSharpSource.Attributes(attributeLines), temp.Path);
            var engine = new FakeBuildEngine();
            var task = new WriteMeshManifests { BuildEngine = engine, AssemblyPath = dll, OutputPath = Output, StampFile = temp.Combine("obj", "UserService.MeshManifests.stamp") };
            return new TaskRun(task.Execute(), task, engine);
        }
    }
}
