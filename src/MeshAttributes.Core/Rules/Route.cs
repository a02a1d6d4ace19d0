using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// One VirtualService route with the policy in effect on it: the service's default route (<see cref="Endpoint"/> null),
    /// or an endpoint's own route, which inherits per attribute what it does not declare (README, "The attributes").
    /// </summary>
    public readonly record struct Route(int? Endpoint, EndpointSpec? Spec, RetrySpec? Retry, TimeoutSpec? Timeout, bool OwnsRetry, bool OwnsTimeout)
    {
        /// <summary>Retries Envoy makes after the first try: <c>attempts</c> counts retries, and 0 or unset turns them off.</summary>
        public int Retries => Retry?.Attempts is int a && a > 0 ? a : 0;

        /// <summary>The service's default route.</summary>
        public static Route OfService(ServiceSpec service) =>
            new(null, null, service.Retry, service.Timeout, service.Retry is not null, service.Timeout is not null);

        /// <summary>The route of <paramref name="endpoint"/> (at <paramref name="index"/>), or null when it has no route of its own.</summary>
        public static Route? OfEndpoint(ServiceSpec service, EndpointSpec endpoint, int index) =>
            endpoint.HasOwnRoute
                ? new Route(index, endpoint, endpoint.Retry ?? service.Retry, endpoint.Timeout ?? service.Timeout, endpoint.Retry is not null, endpoint.Timeout is not null)
                : null;

        /// <summary>The routes a service sends to Istio: its default route, then every endpoint with a route of its own.</summary>
        public static IEnumerable<Route> Of(ServiceSpec service)
        {
            yield return OfService(service);
            for (int i = 0; i < service.Endpoints.Count; i++)
            {
                if (OfEndpoint(service, service.Endpoints[i], i) is { } route)
                {
                    yield return route;
                }
            }
        }
    }
}
