using System;
using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// The mesh as a call graph: services, and an edge for every Sidecar egress host that names a service found in the
    /// mesh. The tries along a path multiply; <see cref="WorstPathFrom"/> gives, for each service, the path below it where
    /// they multiply most (edges that close a cycle are not followed: a cycle is reported on its own, MESH204).
    /// </summary>
    public sealed class MeshGraph
    {
        private readonly Dictionary<string, int> _byKey;
        private readonly Dictionary<string, int> _byName;
        private readonly List<MeshEdge>[] _out;
        private readonly int[] _inDegree;
        private double[]? _best;
        private int[]? _bestNext;

        private MeshGraph(IReadOnlyList<MeshService> services)
        {
            Services = services;
            _byKey = new Dictionary<string, int>(services.Count, StringComparer.Ordinal);
            _byName = new Dictionary<string, int>(services.Count, StringComparer.Ordinal);
            _out = new List<MeshEdge>[services.Count];
            _inDegree = new int[services.Count];
            for (int i = 0; i < services.Count; i++)
            {
                _byKey[services[i].Key] = i;
                if (!_byName.ContainsKey(services[i].Spec.Name))
                {
                    _byName[services[i].Spec.Name] = i;
                }

                _out[i] = new List<MeshEdge>();
            }
        }

        public IReadOnlyList<MeshService> Services { get; }

        /// <summary>Dependencies that name no service of the mesh: (caller index, dependency index).</summary>
        public IReadOnlyList<(int Caller, int Item)> Missing { get; private set; } = Array.Empty<(int, int)>();

        public static MeshGraph Build(IReadOnlyList<MeshService> services)
        {
            var graph = new MeshGraph(services);
            var missing = new List<(int, int)>();
            for (int caller = 0; caller < services.Count; caller++)
            {
                MeshService service = services[caller];
                EquatableArray<DependencySpec> dependencies = service.Spec.DependsOn;
                for (int item = 0; item < dependencies.Count; item++)
                {
                    if (graph.Find(dependencies[item]) is not int callee)
                    {
                        missing.Add((caller, item));
                        continue;
                    }

                    MeshService target = services[callee];
                    (int appTries, bool exact) = AppTries(service, target.Spec.Name);
                    graph._out[caller].Add(new MeshEdge(caller, callee, item, StackedRetriesRule.MeshRetries(target.Spec) + 1, appTries, exact));
                    graph._inDegree[callee]++;
                }
            }

            graph.Missing = missing;
            return graph;
        }

        /// <summary>The calls <paramref name="service"/> makes, in the order its Sidecar lists them.</summary>
        public IReadOnlyList<MeshEdge> Calls(int service) => _out[service];

        public IEnumerable<MeshEdge> Edges => _out.SelectMany(e => e);

        /// <summary>Whether no service of the mesh calls <paramref name="service"/>: where requests enter the mesh.</summary>
        public bool IsEntry(int service) => _inDegree[service] == 0;

        /// <summary>The service a dependency names: in its namespace, or by name alone when it names none.</summary>
        public int? Find(DependencySpec dependency) =>
            dependency.Namespace is { } ns
                ? _byKey.TryGetValue(ns + "/" + dependency.Service, out int i) ? i : null
                : _byName.TryGetValue(dependency.Service, out int j) ? j : null;

        /// <summary>The tries one call to <paramref name="callee"/> makes in the caller's code: its in-app retries plus one.</summary>
        public static (int Tries, bool Exact) AppTries(MeshService caller, string callee)
        {
            int most = 0;
            bool exact = true;
            foreach (InAppRetrySpec retry in caller.InAppRetries)
            {
                if (retry.Target is { } target
                    && (target == "*" || string.Equals(target, callee, StringComparison.OrdinalIgnoreCase) || target.StartsWith(callee + ".", StringComparison.OrdinalIgnoreCase))
                    && retry.Retries >= most)
                {
                    exact = retry.Retries > most ? retry.Exact : exact && retry.Exact;
                    most = retry.Retries;
                }
            }

            return (most + 1, exact);
        }

        /// <summary>
        /// The path from <paramref name="service"/> along which tries multiply most, as its edges (empty when it calls nothing),
        /// and their product: how many requests one call into <paramref name="service"/> can send to the path's last service.
        /// </summary>
        public (IReadOnlyList<MeshEdge> Edges, double Tries) WorstPathFrom(int service)
        {
            ComputeBest();
            var edges = new List<MeshEdge>();
            var seen = new HashSet<int> { service };
            for (int at = service; _bestNext![at] >= 0;)
            {
                MeshEdge edge = _out[at][_bestNext[at]];
                if (!seen.Add(edge.Callee))
                {
                    break;
                }

                edges.Add(edge);
                at = edge.Callee;
            }

            double tries = 1;
            foreach (MeshEdge edge in edges)
            {
                tries *= edge.Tries;
            }

            return (edges, tries);
        }

        /// <summary>
        /// All requests one call into <paramref name="from"/> can send to <paramref name="to"/> over every path between them
        /// (edges closing a cycle not followed): the load a failing service takes when everything above it retries.
        /// </summary>
        public double RequestsReaching(int from, int to)
        {
            var memo = new Dictionary<int, double>();
            var onPath = new HashSet<int>();
            double Visit(int v)
            {
                if (v == to)
                {
                    return 1;
                }

                if (memo.TryGetValue(v, out double known))
                {
                    return known;
                }

                onPath.Add(v);
                double sum = 0;
                foreach (MeshEdge edge in _out[v])
                {
                    if (!onPath.Contains(edge.Callee))
                    {
                        sum += edge.Tries * Visit(edge.Callee);
                    }
                }

                onPath.Remove(v);
                memo[v] = sum;
                return sum;
            }

            return Visit(from);
        }

        // best[v]: the largest product of tries on a path starting at v; bestNext[v]: the edge it leaves by (-1: none).
        // Depth-first with an explicit stack, so a long chain cannot overflow the call stack; an edge to a service still on
        // the stack closes a cycle and is not followed.
        private void ComputeBest()
        {
            if (_best is not null)
            {
                return;
            }

            int n = Services.Count;
            var best = new double[n];
            var next = new int[n];
            var state = new byte[n]; // 0 unvisited, 1 on stack, 2 done
            var node = new List<int>();
            var edgeAt = new List<int>();
            for (int start = 0; start < n; start++)
            {
                if (state[start] != 0)
                {
                    continue;
                }

                Enter(start);
                while (node.Count > 0)
                {
                    int top = node.Count - 1;
                    int v = node[top];
                    int e = edgeAt[top];
                    if (e < _out[v].Count)
                    {
                        edgeAt[top] = e + 1;
                        int w = _out[v][e].Callee;
                        if (state[w] == 0)
                        {
                            Enter(w);
                        }
                        else if (state[w] == 2)
                        {
                            Relax(v, e, w);
                        }

                        continue;
                    }

                    // Every edge of v is done: v is final, and the edge its caller took to it can be weighed.
                    state[v] = 2;
                    node.RemoveAt(top);
                    edgeAt.RemoveAt(top);
                    if (top > 0)
                    {
                        Relax(node[top - 1], edgeAt[top - 1] - 1, v);
                    }
                }
            }

            void Enter(int v)
            {
                state[v] = 1;
                best[v] = 1;
                next[v] = -1;
                node.Add(v);
                edgeAt.Add(0);
            }

            void Relax(int v, int e, int w)
            {
                double through = _out[v][e].Tries * best[w];
                if (through > best[v])
                {
                    best[v] = through;
                    next[v] = e;
                }
            }

            _best = best;
            _bestNext = next;
        }
    }
}
