using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The configuration: BenchmarkDotNet's defaults with artifacts kept under bin/ so a run leaves the work tree clean
    /// (<c>--artifacts</c> overrides). With <c>--cpu-clock</c>, one short job that measures process CPU time instead of
    /// wall-clock time; it runs in-process because a custom clock cannot be handed to a generated child process.
    /// </summary>
    internal static class BenchmarkConfig
    {
        public const string CpuClockOption = "--cpu-clock";

        public static IConfig Create(bool cpuClock)
        {
            IConfig config = DefaultConfig.Instance.WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
            return cpuClock
                ? config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithClock(ProcessCpuClock.Instance).WithId("ShortRun-CpuTime"))
                : config;
        }
    }
}
