using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Cli
{
    /// <summary>
    /// The human report: input problems first, then findings grouped by service, each as <c>file:line:column: severity id:
    /// message</c> (the form editors and CI logs link), with the chain under MESH200/MESH201/MESH204; a summary line last.
    /// </summary>
    public static class TextReport
    {
        public static void Write(MeshManifests manifests, IReadOnlyList<MeshFinding> findings, TextWriter output)
        {
            foreach (InputProblem problem in manifests.Problems)
            {
                output.WriteLine($"{problem.Location}: error: {problem.Message}");
            }

            if (manifests.Problems.Count > 0)
            {
                output.WriteLine();
            }

            foreach (var group in findings.GroupBy(f => f.Service))
            {
                output.WriteLine(group.Key);
                foreach (MeshFinding finding in group)
                {
                    string where = finding.Location is { } at ? at + ": " : string.Empty;
                    output.WriteLine($"  {where}{Severity(finding.Severity)} {finding.Id}: {finding.Message}");
                    if (finding.Path.Count > 0)
                    {
                        output.WriteLine($"    path: {string.Join(" → ", finding.Path)}");
                    }
                }

                output.WriteLine();
            }

            int errors = findings.Count(f => f.Severity == FindingSeverity.Error);
            int warnings = findings.Count - errors;
            output.WriteLine(
                $"{Count(manifests.Services.Count, "service")} in {Count(manifests.FileCount, "file")}: {Count(errors, "error")}, {Count(warnings, "warning")}" +
                (manifests.Problems.Count > 0 ? $", {Count(manifests.Problems.Count, "input problem")}" : string.Empty));
        }

        internal static string Severity(FindingSeverity severity) => severity == FindingSeverity.Error ? "error" : "warning";

        private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    }
}
