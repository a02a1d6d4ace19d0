using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>
    /// csharp-ls (a Roslyn-based language server, published as a dotnet tool), installed once per test run into a temp
    /// tool path: nothing is installed for the machine, and no earlier install is used.
    /// </summary>
    internal sealed class CSharpLs : IDisposable
    {
        public const string Version = "0.28.0";

        private CSharpLs(string folder, string executable)
        {
            Folder = folder;
            Executable = executable;
        }

        /// <summary>The temp folder holding the tool path.</summary>
        public string Folder { get; }

        /// <summary>The tool's launcher in the tool path.</summary>
        public string Executable { get; }

        /// <summary>
        /// Runs `dotnet tool install csharp-ls --version 0.28.0 --tool-path &lt;temp&gt;` from an empty temp folder, so the
        /// machine's NuGet sources apply (not the test feed's nuget.config, which lists only the package under test).
        /// Returns null, with dotnet's output, when the tool cannot be installed.
        /// </summary>
        public static CSharpLs? Install(out string failure)
        {
            string folder = Path.Combine(Path.GetTempPath(), "MeshAttributes.IdeTests", "csharp-ls-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(folder);
            string toolPath = Path.Combine(folder, "tools");
            Testing.DotnetRun install = Testing.DotnetCli.Run(folder, "tool", "install", "csharp-ls", "--version", Version, "--tool-path", toolPath);
            string executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
            if (!install.Succeeded || !File.Exists(executable))
            {
                failure = install.ToString();
                TryDelete(folder);
                return null;
            }

            failure = string.Empty;
            return new CSharpLs(folder, executable);
        }

        /// <summary>
        /// A start description for the server in <paramref name="workingDirectory"/> (it loads the project it finds there),
        /// with the user's environment rather than the test host's: `dotnet test` sets MSBuild variables that would make
        /// the server's own MSBuild look for the SDK in the wrong place.
        /// </summary>
        public ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string> environment)
        {
            var start = new ProcessStartInfo(Executable) { WorkingDirectory = workingDirectory };
            start.ArgumentList.Add("--loglevel");
            start.ArgumentList.Add("info");
            foreach (string name in UserEnvironment.TestHostMSBuildVariables)
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            foreach (var variable in environment)
            {
                start.Environment[variable.Key] = variable.Value;
            }

            return start;
        }

        public void Dispose() => TryDelete(Folder);

        private static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover in the temp folder is harmless.
            }
        }
    }
}
