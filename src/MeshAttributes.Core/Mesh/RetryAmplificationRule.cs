using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// MESH200: tries multiply along a call path. One request into the mesh can reach a service
    /// <c>∏ (app retries + 1) × (attempts + 1)</c> times over the path's hops, so when a deep service slows down every layer
    /// above it retries into it at once (the case study's cascade). Reported for each service where requests enter the mesh
    /// (no service of the mesh calls it) whose worst path exceeds the limit, at the first hop of that path.
    /// </summary>
    public static class RetryAmplificationRule
    {
        public static IEnumerable<MeshFinding> Check(MeshGraph graph, MeshCheckOptions options)
        {
            for (int entry = 0; entry < graph.Services.Count; entry++)
            {
                if (!graph.IsEntry(entry))
                {
                    continue;
                }

                var (edges, tries) = graph.WorstPathFrom(entry);
                if (edges.Count == 0 || tries <= options.MaxAmplification)
                {
                    continue;
                }

                var path = MeshText.Names(graph, new[] { entry }.Concat(edges.Select(e => e.Callee)));
                string entryName = path[0];
                string sink = path[path.Count - 1];
                double total = graph.RequestsReaching(entry, edges[edges.Count - 1].Callee);
                string allPaths = total > tries
                    ? $" (over all its paths from '{entryName}': {MeshText.Number(total)})"
                    : string.Empty;
                string factors = string.Join(" × ", edges.Select(e => edges.Count > 1 || e.AppTries > 1 ? "(" + MeshText.Tries(e) + ")" : MeshText.Tries(e)));
                string message =
                    $"one request into '{entryName}' can send up to {MeshText.Number(tries)} requests to '{sink}'{allPaths} along {MeshText.Chain(path)} " +
                    $"(tries per hop: {factors}), above the {MeshText.Number(options.MaxAmplification)}× limit: retries multiply at every hop, so when '{sink}' slows down every layer above it retries into it at once; " +
                    "retry at one layer only — keep retries on the hop nearest the caller and set attempts: 0 on the inner hops, drop in-app retries the mesh also makes, or cap retries with retryBudget / connectionPool.http.maxRetries";
                var finding = new Finding(MeshRuleIds.RetryAmplification, FindingSeverity.Warning, message, new FindingTarget("DependsOn", Item: edges[0].Item));
                yield return new MeshFinding(finding, graph.Services[entry].Key, graph.Services[entry].Locations.Find(finding.Target), path);
            }
        }
    }
}
