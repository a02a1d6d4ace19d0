using System.Text.RegularExpressions;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>The exit code and combined output of one <c>dotnet</c> run, with readers for what the tests check.</summary>
    internal sealed partial class CommandResult
    {
        public CommandResult(string command, int exitCode, string output)
        {
            Command = command;
            ExitCode = exitCode;
            Output = output;
        }

        public string Command { get; }

        public int ExitCode { get; }

        public string Output { get; }

        /// <summary>MSBuild's own words at normal verbosity when Inputs/Outputs find nothing to do.</summary>
        public bool SkippedWriteTarget =>
            Output.Contains("Skipping target \"MeshWriteManifests\" because all output files are up-to-date", System.StringComparison.Ordinal);

        /// <summary>The task's summary line, or null when the task did not run to success.</summary>
        public string? Summary
        {
            get
            {
                Match match = SummaryPattern().Match(Output);
                return match.Success ? match.Value : null;
            }
        }

        public int? Written => SummaryNumber("written");

        public int? Deleted => SummaryNumber("deleted");

        public override string ToString() => $"> {Command}\nexit code {ExitCode}\n{Output}";

        private int? SummaryNumber(string name)
        {
            Match match = SummaryPattern().Match(Output);
            return match.Success ? int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        [GeneratedRegex(@"MeshAttributes: \d+ services?, \d+ manifests? in \S+ \((?<written>\d+) written, (?<deleted>\d+) deleted\)")]
        private static partial Regex SummaryPattern();
    }
}
