using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// One VirtualService route with the policy in effect on it: the service's default route (<see cref="Endpoint"/> null),
    /// or an endpoint's own route, which inherits per attribute what it does not declare (DESIGN.md's precedence).
    /// </summary>
    public sealed record Route(int? Endpoint, RetrySpec? Retry, TimeoutSpec? Timeout, bool OwnsRetry, bool OwnsTimeout)
    {
        /// <summary>Retries Envoy makes after the first try: <c>attempts</c> counts retries, and 0 or unset turns them off.</summary>
        public int Retries => Retry?.Attempts is int a && a > 0 ? a : 0;

        /// <summary>The routes a service sends to Istio: its default route, then every endpoint with a route of its own.</summary>
        public static IEnumerable<Route> Of(ServiceSpec service)
        {
            yield return new Route(null, service.Retry, service.Timeout, service.Retry is not null, service.Timeout is not null);
            for (int i = 0; i < service.Endpoints.Count; i++)
            {
                EndpointSpec e = service.Endpoints[i];
                if (e.HasOwnRoute)
                {
                    yield return new Route(i, e.Retry ?? service.Retry, e.Timeout ?? service.Timeout, e.Retry is not null, e.Timeout is not null);
                }
            }
        }
    }
}
