using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>Runs Prometheus's promtool (Debian package <c>prometheus</c>); tests skip when it is not installed.</summary>
    internal static class Promtool
    {
        public const string InstallHint = "promtool is not on PATH: install it with `apt-get install -y prometheus` (as .ci/run does) to run this test";

        public static string? Executable { get; } = Find();

        public static void SkipIfMissing() => Skip.If(Executable is null, InstallHint);

        /// <summary>Runs promtool with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
        public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException(InstallHint))
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

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("promtool " + string.Join(" ", args) + " ran over 2 minutes");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        /// <summary>Runs promtool and fails the test, showing its output and the input, unless it exits 0.</summary>
        public static string RunOk(string workingDirectory, string inputFile, params string[] args)
        {
            var (code, output) = Run(workingDirectory, args);
            Assert.True(code == 0, $"promtool {string.Join(" ", args)} exited {code}:\n{output}\n--- {inputFile} ---\n{File.ReadAllText(Path.Combine(workingDirectory, inputFile))}");
            return output;
        }

        private static string? Find()
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            return path?.Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, "promtool"))
                .FirstOrDefault(File.Exists);
        }
    }
}
