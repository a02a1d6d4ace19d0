using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace MeshAttributes.Testing
{
    /// <summary>Runs the SDK's <c>dotnet</c> as a user would, isolated from the test host's MSBuild environment.</summary>
    public static class DotnetCli
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

        public static DotnetRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

        /// <summary>Runs dotnet with extra environment variables, e.g. an isolated <c>NUGET_PACKAGES</c> folder.</summary>
        public static DotnetRun Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
        {
            ProcessStartInfo start = ProcessRunner.StartInfo("dotnet", workingDirectory, args);

            // No MSBuild node outlives a build: a reused node would keep an old task DLL, and would linger after the tests.
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            // `dotnet test` sets these for its own MSBuild; a child build must find its SDK itself.
            foreach (string name in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                start.Environment.Remove(name);
            }

            foreach (var variable in environment ?? new Dictionary<string, string>())
            {
                start.Environment[variable.Key] = variable.Value;
            }

            string command = "dotnet " + string.Join(" ", args);
            var (exitCode, output) = ProcessRunner.Run(start, Timeout, command);
            return new DotnetRun(command, exitCode, output);
        }
    }
}
