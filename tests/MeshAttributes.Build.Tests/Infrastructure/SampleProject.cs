using System;
using System.IO;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>
    /// A throwaway user project in the temp folder: it references the attributes project, imports the props and
    /// targets the way the in-repo samples do, loads the task through TaskHostFactory, and carries hand-written
    /// manifest attributes in Manifests.cs.
    /// </summary>
    internal sealed class SampleProject : IDisposable
    {
        private readonly TempFolder folder = new();
        private bool restored;

        /// <param name="withGenerator">
        /// Load the generator and analyzers too, as the samples do, so real attributes (not hand-written manifest
        /// attributes) drive the build end to end.
        /// </param>
        public SampleProject(TaskAssemblyFixture fixture, bool withGenerator = false)
        {
            string analyzers = withGenerator
                ? $"""
                    <ProjectReference Include="{RepoPaths.GeneratorProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{RepoPaths.CoreProject}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  """
                : string.Empty;
            ProjectFile = folder.Combine("UserService.csproj");
            File.WriteAllText(ProjectFile, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{RepoPaths.PropsFile}" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <MeshAttributesTasksAssembly>{fixture.TaskAssembly}</MeshAttributesTasksAssembly>
                    <MeshAttributesTaskFactory>TaskHostFactory</MeshAttributesTaskFactory>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{RepoPaths.AttributesProject}" />
                {analyzers}
                  </ItemGroup>
                  <Import Project="{RepoPaths.TargetsFile}" />
                </Project>
                """);
            if (!withGenerator)
            {
                SetSource(CSharpSource.Manifests());
            }
        }

        public string Folder => folder.Path;

        public string ProjectFile { get; }

        /// <summary>Where the manifests go by default: $(OutDir)mesh/.</summary>
        public string DefaultManifestsFolder => folder.Combine("bin", RepoPaths.Configuration, "net10.0", "mesh");

        public string IntermediateFolder => folder.Combine("obj", RepoPaths.Configuration, "net10.0");

        public string Combine(params string[] parts) => folder.Combine(parts);

        /// <summary>A manifest's file under the default folder, from its <c>service/file</c> path.</summary>
        public string Manifest(string path) => Path.Combine(DefaultManifestsFolder, path);

        public void SetSource(string csharp) => File.WriteAllText(folder.Combine("Manifests.cs"), csharp);

        public void WriteFile(string name, string text) => File.WriteAllText(folder.Combine(name), text);

        public Testing.DotnetRun Build(params string[] properties) => Run("build", properties);

        public Testing.DotnetRun Clean(params string[] properties) => Run("clean", properties);

        public void Dispose() => folder.Dispose();

        private Testing.DotnetRun Run(string verb, string[] properties)
        {
            // Normal verbosity: it shows the task's summary and MSBuild's "Skipping target" lines.
            // BuildProjectReferences=false: the attributes project is already built (the fixture saw to it), and
            // building or cleaning it from here would race with other builds of the solution running beside the tests.
            string[] args =
            [
                verb, ProjectFile, "-c", RepoPaths.Configuration, "-nologo", "-v:n", "-nodeReuse:false", "-p:BuildProjectReferences=false", .. properties,
            ];
            if (restored && verb == "build")
            {
                args = [.. args, "--no-restore"];
            }

            Testing.DotnetRun result = Testing.DotnetCli.Run(folder.Path, args);
            // After one successful build, skip the restore the later builds do not need (about a second each).
            restored |= result.ExitCode == 0;
            return result;
        }
    }
}
