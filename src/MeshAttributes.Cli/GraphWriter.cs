using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Cli
{
    /// <summary>
    /// Draws the call graph: a node per service, an edge per Sidecar dependency labelled with the tries one call makes
    /// (in-app × mesh) and the callee's timeout, dependencies on services not found drawn dashed, and the path along which
    /// tries multiply most drawn thick and red with its product in the title.
    /// </summary>
    public static class GraphWriter
    {
        public static string Mermaid(MeshGraph graph)
        {
            var (worst, tries) = Worst(graph);
            var sb = new StringBuilder();
            sb.Append("---\ntitle: ").Append(Title(graph, worst, tries)).Append("\n---\nflowchart LR\n");
            for (int i = 0; i < graph.Services.Count; i++)
            {
                sb.Append("  n").Append(i).Append("[\"").Append(Escape(graph.Services[i].Key)).Append("\"]\n");
            }

            int edgeIndex = 0;
            var highlighted = new List<int>();
            foreach (MeshEdge edge in graph.Edges)
            {
                sb.Append("  n").Append(edge.Caller).Append(" -->|\"").Append(Escape(Label(graph, edge))).Append("\"| n").Append(edge.Callee).Append('\n');
                if (worst.Contains(edge))
                {
                    highlighted.Add(edgeIndex);
                }

                edgeIndex++;
            }

            int missing = 0;
            foreach (var (caller, item) in graph.Missing)
            {
                DependencySpec dependency = graph.Services[caller].Spec.DependsOn[item];
                sb.Append("  m").Append(missing).Append("[\"").Append(Escape(dependency.Service)).Append(" (not found)\"]\n");
                sb.Append("  n").Append(caller).Append(" -.-> m").Append(missing).Append('\n');
                sb.Append("  style m").Append(missing).Append(" stroke-dasharray: 5 5\n");
                missing++;
                edgeIndex++;
            }

            if (highlighted.Count > 0)
            {
                sb.Append("  linkStyle ").Append(string.Join(",", highlighted)).Append(" stroke:#d73a49,stroke-width:4px,color:#d73a49\n");
            }

            return sb.ToString();
        }

        public static string Dot(MeshGraph graph)
        {
            var (worst, tries) = Worst(graph);
            var sb = new StringBuilder();
            sb.Append("digraph mesh {\n  label=\"").Append(Title(graph, worst, tries).Replace("\"", "\\\"")).Append("\";\n  labelloc=t;\n  rankdir=LR;\n  node [shape=box, style=rounded];\n");
            for (int i = 0; i < graph.Services.Count; i++)
            {
                sb.Append("  n").Append(i).Append(" [label=\"").Append(graph.Services[i].Key).Append("\"];\n");
            }

            foreach (MeshEdge edge in graph.Edges)
            {
                sb.Append("  n").Append(edge.Caller).Append(" -> n").Append(edge.Callee).Append(" [label=\"").Append(Label(graph, edge)).Append('"');
                if (worst.Contains(edge))
                {
                    sb.Append(", color=\"#d73a49\", fontcolor=\"#d73a49\", penwidth=3");
                }

                sb.Append("];\n");
            }

            int missing = 0;
            foreach (var (caller, item) in graph.Missing)
            {
                DependencySpec dependency = graph.Services[caller].Spec.DependsOn[item];
                sb.Append("  m").Append(missing).Append(" [label=\"").Append(dependency.Service).Append(" (not found)\", style=dashed];\n");
                sb.Append("  n").Append(caller).Append(" -> m").Append(missing).Append(" [style=dashed];\n");
                missing++;
            }

            sb.Append("}\n");
            return sb.ToString();
        }

        // "4 tries, timeout 10s": the tries one call makes (in-app × mesh) and the callee's default-route timeout.
        private static string Label(MeshGraph graph, MeshEdge edge)
        {
            string tries = edge.AppTries > 1
                ? $"{edge.AppTries}×{edge.MeshTries} tries"
                : edge.MeshTries == 1 ? "1 try" : $"{edge.MeshTries} tries";
            string? timeout = graph.Services[edge.Callee].Spec.Timeout?.Timeout;
            return timeout is null ? tries : $"{tries}, timeout {timeout}";
        }

        private static string Title(MeshGraph graph, HashSet<MeshEdge> worst, double tries)
        {
            string services = graph.Services.Count == 1 ? "1 service" : $"{graph.Services.Count} services";
            return worst.Count == 0
                ? services
                : $"{services}; worst retry amplification {tries.ToString("0", CultureInfo.InvariantCulture)}x (red)";
        }

        private static (HashSet<MeshEdge> Edges, double Tries) Worst(MeshGraph graph)
        {
            IReadOnlyList<MeshEdge> best = System.Array.Empty<MeshEdge>();
            double most = 1;
            for (int i = 0; i < graph.Services.Count; i++)
            {
                var (edges, tries) = graph.WorstPathFrom(i);
                if (tries > most)
                {
                    best = edges;
                    most = tries;
                }
            }

            return (new HashSet<MeshEdge>(best), most);
        }

        private static string Escape(string text) => text.Replace("\"", "#quot;");
    }
}
