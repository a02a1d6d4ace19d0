namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>The shared <see cref="Testing.DotnetCli"/>, with the readers these tests use on its output.</summary>
    internal static class DotnetCli
    {
        public static CommandResult Run(string workingDirectory, params string[] args)
        {
            Testing.DotnetRun run = Testing.DotnetCli.Run(workingDirectory, args);
            return new CommandResult(run.Command, run.ExitCode, run.Output);
        }
    }
}
