using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CsCheck;
using MeshAttributes.Generators.Tests.Infrastructure;
using MeshAttributes.PropertyTests.Inputs;
using MeshAttributes.PropertyTests.Oracle;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.PropertyTests
{
    /// <summary>
    /// The generator's output depends on the declarations alone: for random projects, the generated source is the same
    /// byte for byte whatever the order of the files and of the declarations in them, the culture the compiler runs
    /// under (tr-TR, de-DE: decimal commas, dotted and dotless i), the line endings of the source, and whether the
    /// driver ran fresh or incrementally from another project's state.
    /// </summary>
    public class DeterminismTests
    {
        /// <summary>Random projects per run; each is generated in every variant.</summary>
        public const int Cases = 40;

        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        private readonly ITestOutputHelper _output;

        public DeterminismTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void Generated_source_is_the_same_whatever_the_file_order_declaration_order_culture_line_endings_or_driver_history()
        {
            var pairs = Gen.Select(ServiceCases.Service, ServiceCases.Service, (a, b) => (Project: a, Earlier: b));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            pairs.Sample(pair =>
            {
                string source = CSharpSource.Write(pair.Project);
                string[] files = Split(source, reverse: false);
                string baseline = Generate(files);

                Same("files in reverse order", baseline, Generate(files.Reverse().ToArray()));
                // Refusals are listed in declaration order (the build reports them so); the files must not change at all.
                Same("declarations in reverse order", Output(files), Output(Split(source, reverse: true)));
                Same("CRLF line endings", baseline, Generate(files.Select(f => f.Replace("\n", "\r\n")).ToArray()));
                Same("culture tr-TR", baseline, InCulture("tr-TR", () => Generate(files)));
                Same("culture de-DE", baseline, InCulture("de-DE", () => Generate(files)));

                // The same driver, first run on another project, then on this one.
                GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(Compilation(Split(CSharpSource.Write(pair.Earlier), reverse: false)));
                Same("incremental after another project", baseline, Text(driver.RunGenerators(Compilation(files))));
            }, iter: Cases, threads: 1, print: p => CSharpSource.Write(p.Project) + "\n// earlier:\n" + CSharpSource.Write(p.Earlier));
            _output.WriteLine($"determinism: {Cases} projects, 9 generator runs each, in {clock.Elapsed.TotalSeconds:0.0} s");
        }

        // The project as three files (assembly attributes, controllers, minimal APIs), each with the usings; with reverse,
        // the attributes, the controllers and the mapped endpoints are declared in the opposite order.
        private static string[] Split(string source, bool reverse)
        {
            var lines = source.Split('\n').Where(l => l.Length > 0).ToList();
            var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
            var attributes = lines.Where(l => l.StartsWith("[assembly:", StringComparison.Ordinal)).ToList();
            var controllers = lines.Where(l => l.StartsWith("[ApiController", StringComparison.Ordinal)).ToList();
            var body = lines.Where(l => l.StartsWith("        ", StringComparison.Ordinal)).ToList();
            if (reverse)
            {
                // [MeshService] stays first: the others are policy, whose order must not matter.
                attributes = attributes.Take(1).Concat(attributes.Skip(1).Reverse()).ToList();
                controllers.Reverse();
                body = Statements(body).Reverse().SelectMany(s => s).ToList();
            }

            string header = string.Join("\n", usings) + "\n";
            string minimal = body.Count == 0 ? "" : "public static class MinimalEndpoints\n{\n    public static void Map(WebApplication app)\n    {\n" + string.Join("\n", body) + "\n    }\n}\n";
            return new[] { header + string.Join("\n", attributes) + "\n", header + string.Join("\n", controllers) + "\n", header + minimal };
        }

        // A mapped endpoint with the MapGroup it uses: "var gN = ..." and the line after it stay together.
        private static IEnumerable<List<string>> Statements(List<string> body)
        {
            for (int i = 0; i < body.Count; i++)
            {
                yield return body[i].TrimStart().StartsWith("var ", StringComparison.Ordinal) ? new List<string> { body[i], body[++i] } : new List<string> { body[i] };
            }
        }

        private static CSharpCompilation Compilation(string[] files) => GeneratorHarness.CreateCompilation(files);

        private static string Generate(string[] files) => Text(GeneratorHarness.CreateDriver().RunGenerators(Compilation(files)));

        // The manifests the compiled attributes carry, byte for byte, and the refusals as a set.
        private static string Output(string[] files)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(Compilation(files), out Compilation output, out _);
            var run = new GeneratorRun(driver, output);
            return string.Join("\n", run.Manifests.Select(m => "=== " + m.Key + "\n" + m.Value))
                + string.Join("\n", run.Errors.Select(e => $"!!! {e.Path} {e.Id} {e.Message}").OrderBy(e => e, StringComparer.Ordinal));
        }

        // Every generated file, by hint name, with its text.
        private static string Text(GeneratorDriver driver) =>
            string.Join("\n", driver.GetRunResult().Results.Single().GeneratedSources
                .OrderBy(s => s.HintName, StringComparer.Ordinal)
                .Select(s => "=== " + s.HintName + "\n" + s.SourceText));

        private static T InCulture<T>(string name, Func<T> run)
        {
            CultureInfo culture = CultureInfo.CurrentCulture, ui = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                return run();
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = ui;
            }
        }

        private static void Same(string variant, string expected, string actual)
        {
            if (expected != actual)
            {
                int at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Length, actual.Length));
                throw new PropertyFailure($"{variant}: the generated source differs at character {at}: expected …{Around(expected, at)}…, found …{Around(actual, at)}…");
            }
        }

        private static string Around(string s, int at) => s.Substring(Math.Max(0, at - 60), Math.Min(s.Length, at + 60) - Math.Max(0, at - 60));
    }
}
