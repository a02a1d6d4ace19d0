using System.Collections.Generic;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>
    /// The shared <see cref="Testing.DotnetCli"/> with, when given, an isolated NuGet packages folder, so a copy of the
    /// package restored by an earlier run is never used.
    /// </summary>
    internal static class DotnetCli
    {
        public static Testing.DotnetRun Run(string workingDirectory, string? nugetPackages, params string[] arguments)
        {
            var environment = nugetPackages is null ? null : new Dictionary<string, string> { ["NUGET_PACKAGES"] = nugetPackages };
            return Testing.DotnetCli.Run(workingDirectory, environment, arguments);
        }
    }
}
