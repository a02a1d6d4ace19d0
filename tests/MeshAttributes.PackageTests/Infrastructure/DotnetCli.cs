using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>
    /// Runs the dotnet CLI as a user would, with node reuse off (no MSBuild node outlives a test) and, when given,
    /// an isolated NuGet packages folder, so a copy of the package restored by an earlier run is never used.
    /// </summary>
    internal static class DotnetCli
    {
        private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

        public static CommandResult Run(string workingDirectory, string? nugetPackages, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            IDictionary<string, string?> environment = start.Environment;
            environment["MSBUILDDISABLENODEREUSE"] = "1";
            environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            environment["DOTNET_NOLOGO"] = "1";
            environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            if (nugetPackages is not null)
            {
                environment["NUGET_PACKAGES"] = nugetPackages;
            }

            string command = $"dotnet {string.Join(" ", arguments)}";
            var output = new StringBuilder();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(Limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} did not finish in {Limit.TotalMinutes} minutes:\n{output}");
            }

            process.WaitForExit();
            lock (output)
            {
                return new CommandResult(command, process.ExitCode, output.ToString());
            }
        }

        private static void Append(StringBuilder output, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.Append(line).Append('\n');
            }
        }
    }
}
