using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace MeshAttributes.Testing
{
    /// <summary>Runs a command line tool to completion and collects what it printed; shared by <see cref="DotnetCli"/> and <see cref="Promtool"/>.</summary>
    internal static class ProcessRunner
    {
        /// <summary>A start description for <paramref name="fileName"/> with its output redirected and each argument passed as is.</summary>
        public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> args)
        {
            var start = new ProcessStartInfo(fileName)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            return start;
        }

        /// <summary>Runs <paramref name="start"/>; kills it and throws when it runs over <paramref name="timeout"/>.</summary>
        /// <returns>The exit code, and standard output followed by standard error.</returns>
        public static (int ExitCode, string Output) Run(ProcessStartInfo start, TimeSpan timeout, string command)
        {
            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + command);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{command} did not finish within {timeout}:\n{stdout.Result}{stderr.Result}");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}
