using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Generators;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// <c>--cold-share</c>: where a cold generator run goes, in one process so that every figure sees the same machine. The
    /// generator, and <see cref="ForAttributeFloorGenerator"/> with its pipelines added one at a time (each step's increase is
    /// what that pipeline costs after the ones before it, the first to bind the assembly's or a method's attributes paying
    /// for it), take turns in blocks of 40 cold runs (5 at 1,000 endpoints), round after round, after warm-up rounds. Per run: the median over the
    /// rounds of each block's mean process CPU time, and the bytes allocated. BenchmarkDotNet's three-iteration job cannot
    /// tell these apart on a shared machine; alternating blocks can, as ratios.
    /// </summary>
    internal static class ColdShareReport
    {
        private const int WarmupRounds = 6;
        private const int Rounds = 16;
        private const int RunsPerBlock = 40;

        public static int Run(IReadOnlyList<int> sizes)
        {
            var kinds = new (string Name, Func<IIncrementalGenerator> Create)[]
            {
                ("floor: [MeshService]", () => new ForAttributeFloorGenerator(FloorParts.Services)),
                ("floor: + [Retry]", () => new ForAttributeFloorGenerator(FloorParts.Services | FloorParts.Retries)),
                ("floor: + [Timeout] (ColdRoslynFloor)", () => new ForAttributeFloorGenerator(FloorParts.All)),
                ("MeshManifestGenerator (Cold)", () => new MeshManifestGenerator()),
            };

            Console.WriteLine("| Endpoints | run | CPU per run, median (ms) | share of Cold | × floor | allocated per run (KB) |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|");
            foreach (int size in sizes)
            {
                var service = SyntheticService.Create(size);
                var cpu = kinds.Select(_ => new List<double>()).ToArray();
                var allocated = new long[kinds.Length];
                int runsPerBlock = size >= 1000 ? 5 : RunsPerBlock;
                for (int round = -WarmupRounds; round < Rounds; round++)
                {
                    for (int k = 0; k < kinds.Length; k++)
                    {
                        long bytes = GC.GetTotalAllocatedBytes(precise: true);
                        long start = ProcessCpuClock.Instance.GetTimestamp();
                        for (int i = 0; i < runsPerBlock; i++)
                        {
                            GeneratorDrivers.Create(kinds[k].Create()).RunGenerators(service.CreateCompilation());
                        }

                        long end = ProcessCpuClock.Instance.GetTimestamp();
                        if (round >= 0)
                        {
                            cpu[k].Add((end - start) / 1_000_000.0 / runsPerBlock);
                            allocated[k] += GC.GetTotalAllocatedBytes(precise: true) - bytes;
                        }
                    }
                }

                double cold = Statistics.Median(cpu[kinds.Length - 1]);
                double floor = Statistics.Median(cpu[kinds.Length - 2]);
                for (int k = 0; k < kinds.Length; k++)
                {
                    double median = Statistics.Median(cpu[k]);
                    Console.WriteLine($"| {size} | {kinds[k].Name} | {median:F2} | {median / cold:P0} | {median / floor:F2} | {allocated[k] / 1024.0 / Rounds / runsPerBlock:N0} |");
                }
            }

            Console.WriteLine();
            Console.WriteLine(
                $"Blocks of {RunsPerBlock} cold runs (5 at 1,000 endpoints), each kind once per round, {Rounds} rounds after {WarmupRounds} warm-up rounds; each run a new driver on a new " +
                "compilation. CPU time is the process's (every thread, garbage collection included).");
            return 0;
        }
    }
}
