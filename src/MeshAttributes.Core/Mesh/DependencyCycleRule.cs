using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// MESH204: services that depend on each other in a cycle. A slow service in a cycle slows itself down through its
    /// callers, retries go round it, and no service can be deployed or fail over first. Each cycle is reported once, from
    /// its first service in namespace/name order, at the dependency that leaves it.
    /// </summary>
    public static class DependencyCycleRule
    {
        public static IEnumerable<MeshFinding> Check(MeshGraph graph)
        {
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (List<MeshEdge> cycle in Cycles(graph))
            {
                // Start at the service that sorts first, so the same cycle always reads the same.
                int first = 0;
                for (int i = 1; i < cycle.Count; i++)
                {
                    if (string.CompareOrdinal(graph.Services[cycle[i].Caller].Key, graph.Services[cycle[first].Caller].Key) < 0)
                    {
                        first = i;
                    }
                }

                var ordered = cycle.Skip(first).Concat(cycle.Take(first)).ToList();
                if (!reported.Add(string.Join(",", ordered.Select(e => e.Caller).OrderBy(i => i))))
                {
                    continue;
                }

                var path = MeshText.Names(graph, ordered.Select(e => e.Caller).Concat(new[] { ordered[0].Caller }));
                var service = graph.Services[ordered[0].Caller];
                string message = path.Count == 2
                    ? $"'{path[0]}' depends on itself: its own retries and timeouts apply to calls it makes to itself, so its load feeds back; remove the dependency"
                    : $"dependency cycle {MeshText.Chain(path)}: a slow service in it slows itself down through its callers, retries go round the cycle, and no service in it can be deployed or fail over first; break the cycle (an event or queue instead of one of the calls, or merge the services)";
                var finding = new Finding(MeshRuleIds.DependencyCycle, FindingSeverity.Warning, message, new FindingTarget("DependsOn", Item: ordered[0].Item));
                yield return new MeshFinding(finding, service.Key, service.Locations.Find(finding.Target), path);
            }
        }

        // One cycle for every edge that closes one in a depth-first search (every cycle's strongly connected component has
        // such an edge); an explicit stack, so a long chain cannot overflow the call stack.
        private static IEnumerable<List<MeshEdge>> Cycles(MeshGraph graph)
        {
            int n = graph.Services.Count;
            var state = new byte[n];
            var nodes = new List<int>();
            var edgeAt = new List<int>();
            var entered = new List<MeshEdge?>();
            for (int start = 0; start < n; start++)
            {
                if (state[start] != 0)
                {
                    continue;
                }

                state[start] = 1;
                nodes.Add(start);
                edgeAt.Add(0);
                entered.Add(null);
                while (nodes.Count > 0)
                {
                    int top = nodes.Count - 1;
                    int v = nodes[top];
                    IReadOnlyList<MeshEdge> calls = graph.Calls(v);
                    if (edgeAt[top] < calls.Count)
                    {
                        MeshEdge edge = calls[edgeAt[top]++];
                        int w = edge.Callee;
                        if (state[w] == 0)
                        {
                            state[w] = 1;
                            nodes.Add(w);
                            edgeAt.Add(0);
                            entered.Add(edge);
                        }
                        else if (state[w] == 1)
                        {
                            // w is on the stack: the edges from w down to v, and this one, close a cycle.
                            int from = nodes.LastIndexOf(w);
                            var cycle = new List<MeshEdge>();
                            for (int i = from + 1; i <= top; i++)
                            {
                                cycle.Add(entered[i]!);
                            }

                            cycle.Add(edge);
                            yield return cycle;
                        }

                        continue;
                    }

                    state[v] = 2;
                    nodes.RemoveAt(top);
                    edgeAt.RemoveAt(top);
                    entered.RemoveAt(top);
                }
            }
        }
    }
}
