using System;
using System.Text;

namespace MeshAttributes.Core.Rendering
{
    /// <summary>
    /// One reusable <see cref="StringBuilder"/> per thread for the renderers. A service's files are rendered one after another
    /// on the generator's thread, and a builder that grows chunk by chunk to a 40 KB VirtualService allocates its text twice;
    /// reusing one leaves only the final string. Builders that grew past <see cref="MaxRetainedCapacity"/> are dropped, so a
    /// long-lived compiler server keeps at most that much per thread.
    /// </summary>
    internal static class StringBuilderCache
    {
        internal const int MaxRetainedCapacity = 64 * 1024;

        [ThreadStatic]
        private static StringBuilder? t_cached;

        /// <summary>An empty builder: the thread's cached one if it is free, else a new one.</summary>
        public static StringBuilder Acquire()
        {
            StringBuilder? cached = t_cached;
            if (cached is null)
            {
                return new StringBuilder(256);
            }

            t_cached = null;
            cached.Clear();
            return cached;
        }

        /// <summary>The builder's text; the builder goes back to the thread's cache unless it grew too large.</summary>
        public static string ToStringAndRelease(StringBuilder builder)
        {
            string text = builder.ToString();
            if (builder.Capacity <= MaxRetainedCapacity)
            {
                t_cached = builder;
            }

            return text;
        }
    }
}
