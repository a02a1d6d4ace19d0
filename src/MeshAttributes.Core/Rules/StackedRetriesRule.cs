using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH107: the application retries an outbound call (Microsoft.Extensions.Http.Resilience, Polly) and the mesh retries
    /// the same call again. The layers multiply: each in-app try goes through Envoy, which makes its own
    /// <c>attempts + 1</c> tries, so a failing callee receives <c>(appRetries + 1) × (meshAttempts + 1)</c> requests per call.
    /// A client is matched to a service by its name or BaseAddress host; the service must be the caller itself or one of its
    /// <c>[DependsOn]</c>, and its mesh retries must be declared in the same project.
    /// Unlike the other rules it needs more than one service, so it is not in <see cref="PolicyRules.All"/>.
    /// </summary>
    public static class StackedRetriesRule
    {
        /// <param name="caller">The project's own service (the assembly's <c>[MeshService]</c>), if any.</param>
        /// <param name="services">Every service whose policy the project declares, the caller included.</param>
        /// <param name="clients">In-app retries found in the project; a finding's <see cref="FindingTarget.Item"/> indexes it.</param>
        public static IEnumerable<Finding> Check(ServiceSpec? caller, IReadOnlyList<ServiceSpec> services, IReadOnlyList<InAppRetrySpec> clients)
        {
            for (int i = 0; i < clients.Count; i++)
            {
                InAppRetrySpec client = clients[i];
                if (client.Target is null || client.Retries <= 0)
                {
                    continue;
                }

                foreach (ServiceSpec callee in services)
                {
                    int meshRetries = MeshRetries(callee);
                    if (meshRetries == 0 || !IsCalled(caller, callee) || !Matches(client.Target, callee.Name))
                    {
                        continue;
                    }

                    int total = (client.Retries + 1) * (meshRetries + 1);
                    string appRetries = client.Retries == 1 ? "1 retry" : $"{client.Retries.ToString(CultureInfo.InvariantCulture)} retries";
                    string clientName = client.Target == "*" ? "every HttpClient" : $"the HttpClient for '{client.Target}'";
                    string upTo = client.Exact ? "up to" : "at least";
                    yield return new Finding(
                        RuleIds.StackedRetries,
                        FindingSeverity.Warning,
                        $"{client.Mechanism} retries {clientName} in the app ({appRetries}) and the mesh retries '{callee.Name}' too (Attempts = {meshRetries.ToString(CultureInfo.InvariantCulture)}): the layers multiply, so one call can reach '{callee.Name}' {upTo} {total.ToString(CultureInfo.InvariantCulture)} times ({(client.Retries + 1).ToString(CultureInfo.InvariantCulture)} × {(meshRetries + 1).ToString(CultureInfo.InvariantCulture)}) while it is failing; keep one layer: drop the in-app retry (or set its MaxRetryAttempts to 0) and let the mesh retry, or set [Retry(Attempts = 0)] on '{callee.Name}'",
                        new FindingTarget("HttpClient", client.Mechanism, Item: i));
                }
            }
        }

        /// <summary>The most retries any route of <paramref name="service"/> makes.</summary>
        public static int MeshRetries(ServiceSpec service) => Route.Of(service).Select(r => r.Retries).DefaultIfEmpty(0).Max();

        private static bool IsCalled(ServiceSpec? caller, ServiceSpec callee) =>
            caller is null || caller.Name == callee.Name || caller.DependsOn.Any(d => d.Service == callee.Name);

        // "inventory-service", "inventory-service.shop", "inventory-service.shop.svc.cluster.local" all name the service.
        private static bool Matches(string target, string service) =>
            target == "*"
            || string.Equals(target, service, StringComparison.OrdinalIgnoreCase)
            || target.StartsWith(service + ".", StringComparison.OrdinalIgnoreCase);
    }
}
