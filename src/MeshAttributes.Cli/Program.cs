using System;

namespace MeshAttributes.Cli
{
    /// <summary>The <c>mesh</c> tool's entry point.</summary>
    public static class Program
    {
        public static int Main(string[] args) => MeshCommands.Run(args, Console.Out, Console.Error);
    }
}
