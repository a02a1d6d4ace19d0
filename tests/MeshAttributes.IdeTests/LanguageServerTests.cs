using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MeshAttributes.IdeTests.Infrastructure;
using MeshAttributes.PackageTests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.IdeTests
{
    /// <summary>
    /// What a developer sees while typing comes from a language server, not from a build: csharp-ls on the `dotnet new web`
    /// service that consumes the packed package, driven over stdio by a minimal LSP client.
    /// </summary>
    [Collection(IdeCollection.Name)]
    public sealed class LanguageServerTests
    {
        private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(120);

        /// <summary>How long the server may take to load the project and run the analyzers, or to catch up with an edit.</summary>
        private static readonly TimeSpan DiagnosticsLimit = TimeSpan.FromMinutes(5);

        private readonly PackageFixture packages;
        private readonly LanguageServerFixture languageServer;
        private readonly ITestOutputHelper output;

        public LanguageServerTests(PackageFixture packages, LanguageServerFixture languageServer, ITestOutputHelper output)
        {
            this.packages = packages;
            this.languageServer = languageServer;
            this.output = output;
        }

        [SkippableFact]
        public async Task The_package_analyzers_report_at_the_bad_arguments_on_open_and_an_unsaved_fix_clears_only_its_own()
        {
            CSharpLs server = languageServer.Require();
            UserService service = packages.Service;
            Markup policy = Markup.Parse(IdeSources.Policy);
            Markup program = Markup.Parse(IdeSources.Program);
            service.SetSources(policy.Text, program.Text);
            string policyFile = Path.Combine(service.Folder, "MeshPolicy.cs");
            string programFile = Path.Combine(service.Folder, "Program.cs");

            Stopwatch clock = Stopwatch.StartNew();
            using LspClient client = LspClient.Start(
                server.StartInfo(service.Folder, new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages.NuGetPackages }),
                Answer);
            await client.RequestAsync("initialize", InitializeParams(service.Folder), RequestLimit);
            await client.NotifyAsync("initialized", new JsonObject());
            await client.NotifyAsync("textDocument/didOpen", DidOpen(policyFile, policy.Text));
            await client.NotifyAsync("textDocument/didOpen", DidOpen(programFile, program.Text));

            List<LspDiagnostic> expectedInProgram = Expected(program);
            List<LspDiagnostic> expectedInPolicy = Expected(policy);
            List<LspDiagnostic> onOpen = await PullUntil(client, programFile, found => HasIds(found, expectedInProgram));
            TimeSpan toFirstDiagnostics = clock.Elapsed;
            Assert.Equal(expectedInProgram, onOpen);
            Assert.Equal(expectedInPolicy, await PullUntil(client, policyFile, found => HasIds(found, expectedInPolicy)));

            // An unsaved edit that corrects the misspelt retry condition: its MESH002 goes, the others stay where they were.
            int misspelling = program.Text.IndexOf(IdeSources.Misspelling, StringComparison.Ordinal);
            clock.Restart();
            await client.NotifyAsync("textDocument/didChange", DidChange(
                programFile,
                version: 2,
                LspPosition.At(program.Text, misspelling),
                LspPosition.At(program.Text, misspelling + IdeSources.Misspelling.Length),
                IdeSources.Correction));
            List<LspDiagnostic> afterEdit = await PullUntil(client, programFile, found => found.All(d => d.Id != "MESH002"));
            TimeSpan toDiagnosticsAfterEdit = clock.Elapsed;

            Assert.Equal(expectedInProgram.Where(d => d.Id != "MESH002"), afterEdit);
            Assert.Equal(expectedInPolicy, await PullUntil(client, policyFile, found => HasIds(found, expectedInPolicy)));
            Assert.Equal(program.Text, File.ReadAllText(programFile));

            output.WriteLine($"csharp-ls {CSharpLs.Version}: first MESH diagnostics {toFirstDiagnostics.TotalSeconds:F1}s after the server started; " +
                $"diagnostics reflecting the edit {toDiagnosticsAfterEdit.TotalSeconds:F1}s after didChange.");
        }

        /// <summary>
        /// The server's requests: csharp-ls runs analyzers only when the client answers its <c>workspace/configuration</c>
        /// request with <c>analyzersEnabled</c>; everything else it asks (progress tokens, registrations) needs no answer.
        /// </summary>
        private static JsonNode? Answer(string method, JsonNode? parameters)
        {
            if (method != "workspace/configuration")
            {
                return null;
            }

            var answers = new JsonArray();
            foreach (JsonNode? _ in parameters?["items"]?.AsArray() ?? new JsonArray())
            {
                answers.Add(new JsonObject { ["analyzersEnabled"] = true });
            }

            return answers;
        }

        private static JsonObject InitializeParams(string folder) => new()
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = Uri(folder),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JsonObject(),
                },
            },
        };

        private static JsonObject DidOpen(string file, string text) => new()
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(file), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        };

        private static JsonObject DidChange(string file, int version, LspPosition start, LspPosition end, string text) => new()
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(file), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = new JsonObject { ["start"] = Position(start), ["end"] = Position(end) },
                ["text"] = text,
            }),
        };

        /// <summary>
        /// Pulls the document's diagnostics (<c>textDocument/diagnostic</c>, which csharp-ls 0.28 serves) until
        /// <paramref name="done"/> holds for its MESH ones: the server answers from whatever it has loaded so far.
        /// </summary>
        private static async Task<List<LspDiagnostic>> PullUntil(LspClient client, string file, Func<List<LspDiagnostic>, bool> done)
        {
            Stopwatch waited = Stopwatch.StartNew();
            List<LspDiagnostic> found = [];
            while (waited.Elapsed < DiagnosticsLimit)
            {
                JsonNode? report = await client.RequestAsync(
                    "textDocument/diagnostic",
                    new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Uri(file) } },
                    RequestLimit);
                found = (report?["items"]?.AsArray() ?? new JsonArray())
                    .Select(d => LspDiagnostic.From(d!))
                    .Where(d => d.Id.StartsWith("MESH", StringComparison.Ordinal))
                    .OrderBy(d => d.Start.Line).ThenBy(d => d.Start.Character).ThenBy(d => d.Id, StringComparer.Ordinal)
                    .ToList();
                if (done(found))
                {
                    return found;
                }

                await Task.Delay(250);
            }

            Assert.Fail($"{Path.GetFileName(file)}: after {DiagnosticsLimit.TotalSeconds}s the server reports [{string.Join(", ", found)}]. It said:\n{client.Transcript}");
            return found;
        }

        private static bool HasIds(List<LspDiagnostic> found, List<LspDiagnostic> expected) =>
            expected.All(e => found.Any(f => f.Id == e.Id));

        private static List<LspDiagnostic> Expected(Markup markup) =>
            markup.Expected.Select(e => LspDiagnostic.Expected(markup.Text, e))
                .OrderBy(d => d.Start.Line).ThenBy(d => d.Start.Character).ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();

        private static JsonObject Position(LspPosition position) => new() { ["line"] = position.Line, ["character"] = position.Character };

        private static string Uri(string path) => new Uri(path).AbsoluteUri;
    }
}
