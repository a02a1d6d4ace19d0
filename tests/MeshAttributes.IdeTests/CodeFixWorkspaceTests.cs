using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using MeshAttributes.IdeTests.Infrastructure;
using MeshAttributes.PackageTests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using Microsoft.CodeAnalysis.Text;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.IdeTests
{
    /// <summary>
    /// The package's code fixes applied the way Visual Studio and C# Dev Kit apply them: an MSBuildWorkspace opens the
    /// service that consumes the packed package, the analyzers and fixes come from the package's analyzers/ folder, the
    /// chosen fix's edit is applied to the workspace (which writes the file), and `dotnet build` then finds no MESH rule.
    /// </summary>
    [Collection(IdeCollection.Name)]
    public sealed class CodeFixWorkspaceTests
    {
        private const string CodeFixesAssembly = "MeshAttributes.CodeFixes.dll";

        /// <summary>Bounds opening the project (a design-time build in Roslyn's build host) and running the analyzers.</summary>
        private static readonly TimeSpan WorkspaceLimit = TimeSpan.FromMinutes(3);

        private readonly PackageFixture packages;
        private readonly ITestOutputHelper output;

        public CodeFixWorkspaceTests(PackageFixture packages, ITestOutputHelper output)
        {
            this.packages = packages;
            this.output = output;
        }

        /// <summary>The rule and the fix (its equivalence key) of each case; <see cref="Case"/> holds the sources.</summary>
        public static TheoryData<string, string> Fixes => new()
        {
            { "MESH001", "MeshAttributes.ReplaceValue" },
            { "MESH002", "MeshAttributes.ReplaceValue" },
            { "MESH106", "MeshAttributes.ReplaceValue" },
            { "MESH100", "MESH100.Idempotent" },
            { "MESH100", "MESH100.SafeRetryOn" },
            { "MESH101", "MESH101.RaiseTimeout" },
        };

        /// <summary>
        /// The clean service of the package tests (it builds with no MESH diagnostic) with one value made bad: the file,
        /// its text with the diagnostic's expected span marked, and a text the file must contain once fixed.
        /// </summary>
        private static (string File, string Marked, string FixedText) Case(string id, string fix) => (id, fix) switch
        {
            ("MESH001", _) => (
                "MeshPolicy.cs",
                ServiceSources.Policy.Replace("[assembly: Timeout(\"10s\")]", "[assembly: Timeout({|MESH001:\"10 s\"|})]", StringComparison.Ordinal),
                "[assembly: Timeout(\"10s\")]"),
            ("MESH002", _) => (
                "MeshPolicy.cs",
                ServiceSources.Policy.Replace("RetryOn = \"connect-failure,refused-stream\"", "{|MESH002:RetryOn = \"connect-failure, refused-stream\"|}", StringComparison.Ordinal),
                "RetryOn = \"connect-failure,refused-stream\""),
            ("MESH106", _) => (
                "MeshPolicy.cs",
                ServiceSources.Policy + "\n[assembly: MutualTls({|MESH106:MutualTlsMode.Permissive|})]\n",
                "[assembly: MutualTls(MutualTlsMode.Strict)]"),
            ("MESH100", _) => (
                "Program.cs",
                ServiceSources.Program.Replace(
                    "app.MapPost(\"/orders\", [Idempotent] () => Results.Accepted());",
                    "app.MapPost(\"/orders\", [Retry(Attempts = 2, PerTryTimeout = \"2s\", {|MESH100:RetryOn = \"5xx,connect-failure\"|})] () => Results.Accepted());",
                    StringComparison.Ordinal),
                fix == "MESH100.Idempotent" ? "Idempotent" : "RetryOn = \"connect-failure,refused-stream,reset-before-request\""),
            ("MESH101", _) => (
                "Program.cs",
                ServiceSources.Program.Replace("[Timeout(\"8s\")]", "[Timeout({|MESH101:\"5s\"|})]", StringComparison.Ordinal),
                "[Timeout(\"7s\")]"),
            _ => throw new ArgumentOutOfRangeException(nameof(id), id, "no case for this rule"),
        };

        [Theory]
        [MemberData(nameof(Fixes))]
        public async Task The_fix_from_the_package_is_applied_by_an_MSBuildWorkspace_and_the_build_no_longer_reports_the_rule(string id, string fix)
        {
            (string file, string marked, string fixedText) = Case(id, fix);
            UserService service = packages.Service;
            Markup markup = Markup.Parse(marked);
            service.SetSources(
                file == "MeshPolicy.cs" ? markup.Text : ServiceSources.Policy,
                file == "Program.cs" ? markup.Text : ServiceSources.Program);
            string path = Path.Combine(service.Folder, file);
            using var cancellation = new CancellationTokenSource(WorkspaceLimit);
            CancellationToken token = cancellation.Token;

            UserEnvironment.Apply();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using MSBuildWorkspace workspace = MSBuildWorkspace.Create();
            Project project = await workspace.OpenProjectAsync(Path.Combine(service.Folder, UserService.Name + ".csproj"), cancellationToken: token);
            TimeSpan opened = clock.Elapsed;
            Assert.DoesNotContain(workspace.Diagnostics, d => d.Kind == WorkspaceDiagnosticKind.Failure);

            Diagnostic diagnostic = Assert.Single(await MeshDiagnostics(project, token));
            ExpectedDiagnostic expected = Assert.Single(markup.Expected);
            Assert.Equal((id, path, new TextSpan(expected.Start, expected.End - expected.Start)), (diagnostic.Id, diagnostic.Location.SourceTree!.FilePath, diagnostic.Location.SourceSpan));

            Document document = project.Documents.Single(d => d.FilePath == path);
            CodeAction action = await FixFor(project, document, diagnostic, fix, token);
            ApplyChangesOperation change = Assert.Single((await action.GetOperationsAsync(token)).OfType<ApplyChangesOperation>());
            Assert.True(workspace.TryApplyChanges(change.ChangedSolution), "the workspace refused the fix's changes");
            TimeSpan fixedAt = clock.Elapsed;

            string written = await File.ReadAllTextAsync(path, token);
            Assert.Contains(fixedText, written, StringComparison.Ordinal);
            // The service was restored when it was made; a fix changes only a source file.
            Testing.DotnetRun build = service.Build("--no-restore");
            Assert.True(build.Succeeded, build.ToString());
            Assert.DoesNotContain("MESH", build.Output.Replace("MeshAttributes", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            output.WriteLine($"{id} ({fix}): project opened in {opened.TotalSeconds:F1}s, analyzed and fixed by {fixedAt.TotalSeconds:F1}s, built clean by {clock.Elapsed.TotalSeconds:F1}s");
        }

        /// <summary>What the package's analyzers (its analyzers/dotnet/cs references, as the IDE loads them) report, MESH rules only.</summary>
        private static async Task<ImmutableArray<Diagnostic>> MeshDiagnostics(Project project, CancellationToken token)
        {
            ImmutableArray<DiagnosticAnalyzer> analyzers = PackageAnalyzerReferences(project)
                .SelectMany(reference => reference.GetAnalyzers(LanguageNames.CSharp))
                .ToImmutableArray();
            Assert.NotEmpty(analyzers);
            Compilation compilation = (await project.GetCompilationAsync(token))!;
            ImmutableArray<Diagnostic> all = await compilation
                .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(project.AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAllDiagnosticsAsync(token);
            Assert.DoesNotContain(all, d => d.Id is "AD0001" or "CS8785");
            return all.Where(d => d.Id.StartsWith("MESH", StringComparison.Ordinal)).ToImmutableArray();
        }

        /// <summary>
        /// The code action with equivalence key <paramref name="key"/> that the package's own fix providers offer for the
        /// diagnostic: the providers are the exported <see cref="CodeFixProvider"/>s of the MeshAttributes.CodeFixes.dll the
        /// project's analyzer reference loaded.
        /// </summary>
        private static async Task<CodeAction> FixFor(Project project, Document document, Diagnostic diagnostic, string key, CancellationToken token)
        {
            AnalyzerFileReference reference = PackageAnalyzerReferences(project).Single(r => Path.GetFileName(r.FullPath) == CodeFixesAssembly);
            IEnumerable<CodeFixProvider> providers = reference.GetAssembly().GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));

            var actions = new List<CodeAction>();
            foreach (CodeFixProvider provider in providers)
            {
                await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), token));
            }

            return actions.SingleOrDefault(a => a.EquivalenceKey == key)
                ?? throw new InvalidOperationException($"No fix '{key}' for {diagnostic.Id}; offered: {string.Join(", ", actions.Select(a => a.EquivalenceKey))}");
        }

        /// <summary>The project's analyzer references that come from the MeshAttributes package in the isolated packages folder.</summary>
        private static IEnumerable<AnalyzerFileReference> PackageAnalyzerReferences(Project project) =>
            project.AnalyzerReferences.OfType<AnalyzerFileReference>()
                .Where(r => r.FullPath.Contains($"{Path.DirectorySeparatorChar}meshattributes{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }
}
