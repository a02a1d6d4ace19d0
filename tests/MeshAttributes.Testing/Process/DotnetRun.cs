using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace MeshAttributes.Testing
{
    /// <summary>
    /// One <c>dotnet</c> run: the command line, its exit code and its combined output, with readers for what the
    /// MeshAttributes build tests look for in MSBuild's output.
    /// </summary>
    public sealed partial record DotnetRun(string Command, int ExitCode, string Output)
    {
        private const int ShownLines = 150;

        public bool Succeeded => ExitCode == 0;

        /// <summary>MSBuild's own words (normal verbosity) when Inputs/Outputs find nothing for the write target to do.</summary>
        public bool SkippedWriteTarget =>
            Output.Contains("Skipping target \"MeshWriteManifests\" because all output files are up-to-date", StringComparison.Ordinal);

        /// <summary>Whether the task printed its summary line ("MeshAttributes: 1 service, 7 manifests in … (7 written, 0 deleted)").</summary>
        public bool TaskRan => Output.Contains("manifests in ", StringComparison.Ordinal) && Output.Contains(" written, ", StringComparison.Ordinal);

        /// <summary>The task's summary line, or null when the task did not run to success.</summary>
        public string? Summary => SummaryPattern().Match(Output) is { Success: true } match ? match.Value : null;

        public int? Written => SummaryNumber("written");

        public int? Deleted => SummaryNumber("deleted");

        /// <summary>Whether the output holds a diagnostic <c>&lt;kind&gt; &lt;id&gt;:</c>, e.g. <c>warning MESH100:</c>.</summary>
        public bool HasDiagnostic(string kind, string id) => Output.Contains($"{kind} {id}:", StringComparison.Ordinal);

        /// <summary>The command and the end of its output, for assertion messages.</summary>
        public override string ToString()
        {
            string[] lines = Output.Split('\n');
            string shown = string.Join("\n", lines.Skip(Math.Max(0, lines.Length - ShownLines)));
            return $"> {Command}\nexit code {ExitCode}\n{shown}";
        }

        private int? SummaryNumber(string name) =>
            SummaryPattern().Match(Output) is { Success: true } match
                ? int.Parse(match.Groups[name].Value, System.Globalization.CultureInfo.InvariantCulture)
                : null;

        [GeneratedRegex(@"MeshAttributes: \d+ services?, \d+ manifests? in \S+ \((?<written>\d+) written, (?<deleted>\d+) deleted\)")]
        private static partial Regex SummaryPattern();
    }
}
