using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Generators;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// <c>--edit-share</c>: what typing costs, as a ratio to Roslyn's floor in the same process. For each edit the IDE makes
    /// (one <c>[Timeout]</c> value, a handler's body, a new unrelated file), a driver warmed on the service runs once on the
    /// edited compilation — a new compilation every run, as the IDE makes one per edit — for <see cref="MeshManifestGenerator"/>
    /// and for <see cref="ForAttributeFloorGenerator"/>, in alternating blocks, round after round, after warm-up rounds. Per
    /// run: the median over the rounds of each block's mean process CPU time.
    /// </summary>
    internal static class EditShareReport
    {
        private const int WarmupRounds = 3;
        private const int Rounds = 12;
        private const int RunsPerBlock = 10;

        public static int Run(IReadOnlyList<int> sizes, int policyEvery)
        {
            Console.WriteLine(policyEvery == 1 ? "Every endpoint carries a policy." : $"One endpoint pair in {policyEvery} carries a policy.");
            Console.WriteLine();
            Console.WriteLine("| Endpoints | edit | floor, CPU per run (ms) | MeshManifestGenerator (ms) | × floor |");
            Console.WriteLine("|---:|---|---:|---:|---:|");
            foreach (int size in sizes)
            {
                var service = SyntheticService.Create(size, policyEvery);
                Compilation warm = service.CreateCompilation();
                var kinds = new (string Name, GeneratorDriver Driver)[]
                {
                    ("floor", GeneratorDrivers.Create(new ForAttributeFloorGenerator()).RunGenerators(warm)),
                    ("MeshManifestGenerator", GeneratorDrivers.Create().RunGenerators(warm)),
                };
                var edits = new (string Name, Func<Compilation> Edited)[]
                {
                    ("one [Timeout] value", () => warm.ReplaceSyntaxTree(service.FirstHandlerFile, service.TimeoutValueEdit())),
                    ("a handler's body", () => warm.ReplaceSyntaxTree(service.FirstHandlerFile, service.HandlerBodyEdit())),
                    ("a new unrelated file", () => warm.AddSyntaxTrees(SyntheticService.UnrelatedFile())),
                };
                foreach (var (editName, edited) in edits)
                {
                    var cpu = kinds.Select(_ => new List<double>()).ToArray();
                    for (int round = -WarmupRounds; round < Rounds; round++)
                    {
                        for (int k = 0; k < kinds.Length; k++)
                        {
                            long start = ProcessCpuClock.Instance.GetTimestamp();
                            for (int i = 0; i < RunsPerBlock; i++)
                            {
                                kinds[k].Driver.RunGenerators(edited());
                            }

                            long end = ProcessCpuClock.Instance.GetTimestamp();
                            if (round >= 0)
                            {
                                cpu[k].Add((end - start) / 1_000_000.0 / RunsPerBlock);
                            }
                        }
                    }

                    double floor = Statistics.Median(cpu[0]);
                    double generator = Statistics.Median(cpu[1]);
                    Console.WriteLine($"| {size} | {editName} | {floor:F2} | {generator:F2} | {generator / floor:F2} |");
                }
            }

            Console.WriteLine();
            Console.WriteLine(
                $"Blocks of {RunsPerBlock} runs from a driver warmed on the unedited service, each generator once per round, {Rounds} rounds after " +
                $"{WarmupRounds} warm-up rounds. CPU time is the process's (every thread, garbage collection included).");
            return 0;
        }
    }
}
