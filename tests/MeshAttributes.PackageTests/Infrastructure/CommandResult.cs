using System;
using System.Linq;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>The exit code and combined output of one <c>dotnet</c> run.</summary>
    internal sealed class CommandResult
    {
        private const int ShownLines = 150;

        public CommandResult(string command, int exitCode, string output)
        {
            Command = command;
            ExitCode = exitCode;
            Output = output;
        }

        public string Command { get; }

        public int ExitCode { get; }

        public string Output { get; }

        public bool Succeeded => ExitCode == 0;

        /// <summary>MSBuild's own words (normal verbosity) when Inputs/Outputs find nothing to do.</summary>
        public bool SkippedWriteTarget =>
            Output.Contains("Skipping target \"MeshWriteManifests\" because all output files are up-to-date", StringComparison.Ordinal);

        /// <summary>The task's summary line ("MeshAttributes: 1 service, 7 manifests in … (7 written, 0 deleted)"), printed whenever it ran.</summary>
        public bool TaskRan => Output.Contains("manifests in ", StringComparison.Ordinal) && Output.Contains(" written, ", StringComparison.Ordinal);

        public bool HasDiagnostic(string kind, string id) => Output.Contains($"{kind} {id}:", StringComparison.Ordinal);

        /// <summary>The command and the end of its output, for assertion messages.</summary>
        public override string ToString()
        {
            string[] lines = Output.Split('\n');
            string shown = string.Join("\n", lines.Skip(Math.Max(0, lines.Length - ShownLines)));
            return $"> {Command}\nexit code {ExitCode}\n{shown}";
        }
    }
}
