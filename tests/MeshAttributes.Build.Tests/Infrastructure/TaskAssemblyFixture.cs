using System;
using System.IO;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>
    /// Builds src/MeshAttributes.Build and src/MeshAttributes once per test run, so the integration tests use the
    /// task and attributes as they are in this checkout (usually a no-op: `dotnet test` has built both as
    /// references already). The temp projects then reference them without building them again.
    /// </summary>
    public sealed class TaskAssemblyFixture
    {
        public TaskAssemblyFixture()
        {
            foreach (string project in new[] { RepoPaths.TaskProject, RepoPaths.AttributesProject })
            {
                Testing.DotnetRun build = Testing.DotnetCli.Run(
                    RepoPaths.Root, "build", project, "-c", RepoPaths.Configuration, "-nologo", "-v:q", "-nodeReuse:false");
                if (build.ExitCode != 0)
                {
                    throw new InvalidOperationException($"Building {project} failed:\n{build}");
                }
            }

            if (!File.Exists(RepoPaths.TaskAssembly))
            {
                throw new InvalidOperationException($"The task assembly is not at {RepoPaths.TaskAssembly}.");
            }

            TaskAssembly = RepoPaths.TaskAssembly;
        }

        public string TaskAssembly { get; }
    }
}
