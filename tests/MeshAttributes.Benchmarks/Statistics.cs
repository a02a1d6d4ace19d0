using System.Collections.Generic;
using System.Linq;

namespace MeshAttributes.Benchmarks
{
    /// <summary>What the report modes compute over their samples.</summary>
    internal static class Statistics
    {
        /// <summary>The middle value; the mean of the two middle values for an even count.</summary>
        public static double Median(IReadOnlyCollection<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
