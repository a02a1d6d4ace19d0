using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>How mesh-wide findings spell numbers, tries and chains.</summary>
    internal static class MeshText
    {
        public static string Number(double value) =>
            value >= 1e15 ? value.ToString("0.###e0", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);

        public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>"4", or "2 in-app × 4 mesh" when the caller's code retries too.</summary>
        public static string Tries(MeshEdge edge) =>
            edge.AppTries > 1
                ? $"{Number(edge.AppTries)}{(edge.AppExact ? string.Empty : "+")} in-app × {Number(edge.MeshTries)} mesh"
                : Number(edge.MeshTries);

        public static string Chain(IEnumerable<string> services) => string.Join(" → ", services);

        public static List<string> Names(MeshGraph graph, IEnumerable<int> services) => services.Select(i => graph.Services[i].Spec.Name).ToList();
    }
}
