using System.Runtime.InteropServices;

namespace MeshAttributes.Benchmarks
{
    /// <summary>POSIX <c>struct timespec</c> on 64-bit Linux, as <c>clock_gettime</c> fills it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
