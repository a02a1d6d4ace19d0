using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MeshAttributes.Generators.Tests.Infrastructure
{
    /// <summary>
    /// Runs <see cref="MeshManifestGenerator"/> over C# sources. <see cref="Run"/> also re-runs after an
    /// unrelated edit and asserts every tracked step was Cached or Unchanged, and that no step output holds a
    /// Roslyn object, so every generator test checks incrementality for free.
    /// </summary>
    internal static class GeneratorHarness
    {
        /// <summary>Every step name in <see cref="TrackingNames"/>, so a step added later is checked without editing this.</summary>
        public static readonly string[] TrackedSteps = typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

        public static GeneratorRun Run(string source, IReadOnlyDictionary<string, string>? globalOptions = null) =>
            Run(new[] { source }, globalOptions);

        public static GeneratorRun Run(string[] sources, IReadOnlyDictionary<string, string>? globalOptions = null)
        {
            CSharpCompilation compilation = CreateCompilation(sources);
            GeneratorDriver driver = CreateDriver(globalOptions);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
            var run = new GeneratorRun(driver, output);
            Assert.Empty(run.CompilationErrors);
            AssertNoRoslynObjects(run);

            // The same compilation plus an edit no attribute cares about: nothing may be recomputed.
            CSharpCompilation edited = compilation.AddSyntaxTrees(
                CSharpSyntaxTree.ParseText("namespace Unrelated { internal static class Edit { public const int Value = 42; } }", ParseOptions, "Unrelated.cs"));
            GeneratorDriver second = driver.RunGeneratorsAndUpdateCompilation(edited, out _, out _);
            var rerun = new GeneratorRun(second, edited);
            AssertAllCached(rerun);
            return run;
        }

        public static CSharpCompilation CreateCompilation(params string[] sources)
        {
            var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, $"Source{i}.cs")).ToList();
            // Top-level statements (a Program.cs) need an executable, as in a real web project.
            bool hasTopLevelStatements = trees.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any());
            return CSharpCompilation.Create(
                "TestService",
                trees,
                TestReferences.All,
                new CSharpCompilationOptions(
                    hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable));
        }

        public static GeneratorDriver CreateDriver(IReadOnlyDictionary<string, string>? globalOptions = null) =>
            CSharpGeneratorDriver.Create(
                new[] { new MeshManifestGenerator().AsSourceGenerator() },
                parseOptions: ParseOptions,
                optionsProvider: new TestOptionsProvider(globalOptions ?? new Dictionary<string, string>()),
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        public static void AssertAllCached(GeneratorRun run)
        {
            var recomputed = run.TrackedOutputs(TrackedSteps)
                .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                .Select(o => $"{o.Step}: {o.Reason}")
                .ToList();
            Assert.True(recomputed.Count == 0, "An unrelated edit recomputed: " + string.Join(", ", recomputed));
        }

        private static void AssertNoRoslynObjects(GeneratorRun run)
        {
            foreach (var (step, _, value) in run.TrackedOutputs(TrackedSteps))
            {
                AssertNoRoslynType(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
            }
        }

        // Walks the model's object graph: a Roslyn object inside would pin a whole compilation in the cache.
        private static void AssertNoRoslynType(object? value, string path, HashSet<object> seen, int depth)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || depth > 20 || !seen.Add(value))
            {
                return;
            }

            Type type = value.GetType();
            Assert.False(
                type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true,
                $"{path} holds a Roslyn object of type {type.FullName}");
            if (value is System.Collections.IEnumerable items)
            {
                foreach (object? item in items)
                {
                    AssertNoRoslynType(item, path + "[]", seen, depth + 1);
                }

                return;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                AssertNoRoslynType(field.GetValue(value), path + "." + field.Name, seen, depth + 1);
            }
        }
    }
}
