using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Running;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// BenchmarkDotNet's switcher (e.g. <c>--filter '*' --job short</c>), or one of four modes that time nothing the
    /// switcher can: <c>--verify</c> (incremental caching, asserted with tracked steps), <c>--analyzer-share</c>,
    /// <c>--cold-share</c> (100 endpoints unless told) and <c>--edit-share</c> (1,000 endpoints unless told; <c>--policy-every 10</c> gives one endpoint pair in ten a policy, the
    /// rest none). Each mode takes <c>--endpoints 1000</c> (repeatable) to choose the sizes.
    /// </summary>
    public static class Program
    {
        private static readonly int[] DefaultSizes = { 1, 10, 100, 1000 };

        public static int Main(string[] args)
        {
            if (args.Contains("--verify"))
            {
                return IncrementalVerifier.Run(Sizes(args));
            }

            if (args.Contains("--analyzer-share"))
            {
                return AnalyzerShareReport.Run(Sizes(args));
            }

            if (args.Contains("--cold-share"))
            {
                return ColdShareReport.Run(Sizes(args, 100));
            }

            if (args.Contains("--edit-share"))
            {
                return EditShareReport.Run(Sizes(args, 1000), Option(args, "--policy-every") ?? 1);
            }

            Console.WriteLine("// " + DiscoveredAnalyzers.Load().Describe());
            bool cpuClock = args.Contains(BenchmarkConfig.CpuClockOption);
            string[] switcherArgs = args.Where(a => a != BenchmarkConfig.CpuClockOption).ToArray();
            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(switcherArgs, BenchmarkConfig.Create(cpuClock)).ToList();
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }

        private static int? Option(string[] args, string name)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        private static IReadOnlyList<int> Sizes(string[] args, params int[] defaults)
        {
            var sizes = new List<int>();
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--endpoints")
                {
                    sizes.Add(int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return sizes.Count > 0 ? sizes : defaults.Length > 0 ? defaults : DefaultSizes;
        }
    }
}
