using System;
using System.IO;
using System.Linq;
using Xunit;

namespace MeshAttributes.Testing
{
    /// <summary>Runs Prometheus's promtool (Debian package <c>prometheus</c>); tests skip when it is not installed.</summary>
    public static class Promtool
    {
        public const string InstallHint = "promtool is not on PATH: install it with `apt-get install -y prometheus` (as .ci/run does) to run this test";

        /// <summary>The name <see cref="TestRules"/> gives the unit-test file beside the rule file.</summary>
        public const string TestFileName = "tests.yaml";

        private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

        /// <summary>promtool's path on <c>PATH</c>, or null when it is not installed.</summary>
        public static string? Executable { get; } = Find();

        /// <summary>Skips the calling <c>[SkippableFact]</c>, saying how to install promtool, when it is not installed.</summary>
        public static void SkipIfMissing() => Skip.If(Executable is null, InstallHint);

        /// <summary>Runs promtool with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
        /// <returns>The exit code, and standard output followed by standard error.</returns>
        public static (int ExitCode, string Output) Run(string workingDirectory, params string[] args) =>
            ProcessRunner.Run(
                ProcessRunner.StartInfo(Executable ?? throw new InvalidOperationException(InstallHint), workingDirectory, args),
                Timeout,
                "promtool " + string.Join(" ", args));

        /// <summary>Runs promtool and fails the test, showing its output and the input, unless it exits 0.</summary>
        /// <param name="inputFile">The file, relative to <paramref name="workingDirectory"/>, shown on failure.</param>
        public static string RunOk(string workingDirectory, string inputFile, params string[] args)
        {
            var (code, output) = Run(workingDirectory, args);
            Assert.True(code == 0, $"promtool {string.Join(" ", args)} exited {code}:\n{output}\n--- {inputFile} ---\n{File.ReadAllText(Path.Combine(workingDirectory, inputFile))}");
            return output;
        }

        /// <summary>
        /// Writes <paramref name="rules"/> under the name <paramref name="suite"/> loads and the suite itself to a fresh
        /// directory, and runs <c>promtool test rules</c> on them, whatever the outcome.
        /// </summary>
        public static (int ExitCode, string Output) TestRules(RuleFile rules, RuleTestFile suite)
        {
            using var dir = new TempDir();
            dir.Write(suite.RuleFileName, rules.Text);
            string tests = dir.Write(TestFileName, suite.Render());
            return Run(dir.Path, "test", "rules", tests);
        }

        /// <summary>
        /// <see cref="TestRules"/>, failing the test with promtool's output and the suite unless every test of the suite
        /// passes; returns the output.
        /// </summary>
        public static string AssertTestRulesPass(RuleFile rules, RuleTestFile suite)
        {
            var (code, output) = TestRules(rules, suite);
            Assert.True(code == 0, $"promtool test rules exited {code}:\n{output}\n--- {TestFileName} ---\n{suite.Render()}");
            return output;
        }

        private static string? Find()
        {
            string? path = Environment.GetEnvironmentVariable("PATH");
            return path?.Split(Path.PathSeparator)
                .Where(dir => dir.Length > 0)
                .Select(dir => Path.Combine(dir, "promtool"))
                .FirstOrDefault(File.Exists);
        }
    }
}
