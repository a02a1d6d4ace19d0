namespace MeshAttributes.Testing
{
    /// <summary>One <c>dotnet</c> run: the command line, its exit code and its combined output.</summary>
    public sealed record DotnetRun(string Command, int ExitCode, string Output)
    {
        public override string ToString() => $"> {Command}\nexit code {ExitCode}\n{Output}";
    }
}
