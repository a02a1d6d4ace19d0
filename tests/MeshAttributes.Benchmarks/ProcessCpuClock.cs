using System;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The CPU time the whole process has used (<c>CLOCK_PROCESS_CPUTIME_ID</c>, nanoseconds), for <c>--cpu-clock</c>. On a
    /// machine whose two cores other builds keep busy, wall-clock time mostly measures waiting for a core; CPU time
    /// measures the work. It counts every thread (the compiler's parallel binding, the analyzer driver, GC), and, unlike
    /// wall-clock time, no waiting. Linux only.
    /// </summary>
    internal sealed class ProcessCpuClock : IClock
    {
        private const int ClockProcessCpuTimeId = 2;

        public static readonly ProcessCpuClock Instance = new();

        public string Title => "Process CPU time";

        public bool IsAvailable => OperatingSystem.IsLinux();

        public Frequency Frequency => Frequency.GHz;

        public long GetTimestamp()
        {
            if (clock_gettime(ClockProcessCpuTimeId, out Timespec time) != 0)
            {
                throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");
            }

            return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int clock_gettime(int clockId, out Timespec time);
    }
}
