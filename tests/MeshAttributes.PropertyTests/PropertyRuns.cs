using System;
using System.Diagnostics;
using CsCheck;
using MeshAttributes.PropertyTests.Inputs;
using Xunit.Abstractions;

namespace MeshAttributes.PropertyTests
{
    /// <summary>
    /// How every property here runs: CsCheck's <c>Sample</c> with a fresh random seed each run (or the one in the
    /// <c>CsCheck_Seed</c> environment variable), the number of cases given, and a failure reported as the shrunk case
    /// written as C# plus the seed that replays it. The count and time of each run go to the test output.
    /// </summary>
    internal static class PropertyRuns
    {
        /// <summary>Overrides every property's number of cases, e.g. for a long local run.</summary>
        public const string CasesVariable = "MESH_PROPERTY_CASES";

        public static void Sample(ITestOutputHelper output, string property, Gen<ServiceCase> gen, int cases, Action<ServiceCase> assert)
        {
            if (int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out int wanted))
            {
                cases = wanted;
            }

            var clock = Stopwatch.StartNew();
            gen.Sample(assert, writeLine: output.WriteLine, iter: cases, print: CSharpSource.Write);
            output.WriteLine($"{property}: {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s (seed: {Environment.GetEnvironmentVariable("CsCheck_Seed") ?? "random; a failure prints it"})");
        }
    }
}
