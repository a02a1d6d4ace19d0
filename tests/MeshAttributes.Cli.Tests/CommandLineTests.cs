using System.IO;
using System.Text.Json.Nodes;
using MeshAttributes.Testing;
using Xunit;
using static MeshAttributes.Cli.Tests.Mesh;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>The command line in-process: formats, exit codes, and messages instead of stack traces.</summary>
    public class CommandLineTests
    {
        private static (int Exit, string Out, string Err) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int exit = MeshCommands.Run(args, output, error);
            return (exit, output.ToString(), error.ToString());
        }

        [Fact]
        public void A_clean_mesh_exits_0_and_says_so()
        {
            using var dir = new TempDir();
            WriteTo(dir.Path, Service("a", "b"), Service("b").Retry(1, "1s", "3s"));

            var (exit, output, _) = Run("check", dir.Path);

            Assert.Equal(0, exit);
            Assert.Contains("2 services in", output);
            Assert.Contains("0 errors, 0 warnings", output);
        }

        [Fact]
        public void Warnings_fail_only_with_fail_on_warning_and_are_grouped_by_service_with_their_chain()
        {
            using var dir = new TempDir();
            WriteTo(dir.Path, Service("a", "b"), Service("b", "c").Retry(3, "1s", "5s"), Service("c").Retry(3, "250ms", "2s"));

            var (exit, output, _) = Run("check", dir.Path);
            Assert.Equal(0, exit);
            Assert.Contains("default/a\n  ", output.Replace("\r\n", "\n"));
            Assert.Contains("warning MESH200", output);
            Assert.Contains("    path: a → b → c", output);
            Assert.Contains("/a/sidecar.yaml:", output);

            Assert.Equal(1, Run("check", dir.Path, "--fail-on", "warning").Exit);
            Assert.Equal(0, Run("check", dir.Path, "--max-amplification", "16", "--fail-on", "warning").Exit);
        }

        [Fact]
        public void An_error_finding_exits_1_and_json_lists_it_with_its_location()
        {
            using var dir = new TempDir();
            WriteTo(dir.Path, Service("a", "b"), Service("b").Allow("nobody"));

            var (exit, output, _) = Run("check", dir.Path, "--format", "json");

            Assert.Equal(1, exit);
            JsonNode finding = JsonNode.Parse(output)!["findings"]![0]!;
            Assert.Equal("MESH203", finding["id"]!.GetValue<string>());
            Assert.Equal("error", finding["severity"]!.GetValue<string>());
            Assert.EndsWith("a/sidecar.yaml", finding["file"]!.GetValue<string>());
            Assert.True(finding["line"]!.GetValue<int>() > 1);
        }

        [Fact]
        public void Unreadable_input_exits_2_naming_file_and_line_and_the_rest_is_still_checked()
        {
            using var dir = new TempDir();
            WriteTo(dir.Path, Service("a", "b"), Service("b").Allow("nobody"));
            File.WriteAllText(Path.Combine(dir.Path, "broken.yaml"), "kind: VirtualService\nspec: [\n");

            var (exit, output, _) = Run("check", dir.Path);

            Assert.Equal(2, exit);
            Assert.Contains("broken.yaml:3:1: error: not valid YAML", output);
            Assert.Contains("MESH203", output);
            Assert.DoesNotContain("   at ", output);
        }

        [Fact]
        public void Usage_errors_exit_2_with_a_hint()
        {
            var (exit, _, error) = Run("check", "x", "--format", "xml");
            Assert.Equal(2, exit);
            Assert.Contains("mesh --help", error);
            Assert.Equal(2, Run("check").Exit);
            Assert.Equal(2, Run("check", "x", "--max-amplification", "0.5").Exit);
            Assert.Equal(2, Run("check", "no/such/folder").Exit);
        }

        [Fact]
        public void Graph_writes_mermaid_and_dot()
        {
            using var dir = new TempDir();
            WriteTo(dir.Path, Service("a", "b", "ghost"), Service("b").Retry(2, "1s", "5s"));

            var (exit, mermaid, _) = Run("graph", dir.Path);
            Assert.Equal(0, exit);
            Assert.Contains("flowchart LR", mermaid);
            Assert.Contains("n0 -->|\"3 tries, timeout 5s\"| n1", mermaid);
            Assert.Contains("ghost (not found)", mermaid);

            var (_, dot, _) = Run("graph", dir.Path, "--format", "dot");
            Assert.Contains("n0 -> n1 [label=\"3 tries, timeout 5s\"", dot);
        }
    }
}
