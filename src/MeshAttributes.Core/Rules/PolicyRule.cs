using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// A rule over one service's declarations, in two parts: what it finds in the service's own settings and default route
    /// (findings with no endpoint), and what it finds on one endpoint (findings for that endpoint only). An endpoint's findings
    /// depend on the service and that endpoint alone, so the analyzer checks each endpoint where it is declared without
    /// checking the service again, and the generator checks everything at once.
    /// </summary>
    public sealed class PolicyRule
    {
        private readonly ServiceCheck? _service;
        private readonly EndpointCheck? _endpoint;

        internal PolicyRule(ServiceCheck? service, EndpointCheck? endpoint)
        {
            _service = service;
            _endpoint = endpoint;
        }

        /// <summary>Checks the service's own settings; adds to <paramref name="findings"/> only when it finds something.</summary>
        internal delegate void ServiceCheck(ServiceSpec service, FindingSink findings);

        /// <summary>Checks <paramref name="endpoint"/>, at <paramref name="index"/> in the service's endpoints, against the service it belongs to.</summary>
        internal delegate void EndpointCheck(ServiceSpec service, EndpointSpec endpoint, int index, FindingSink findings);

        /// <summary>Checks one VirtualService route with the policy in effect on it.</summary>
        internal delegate void RouteCheck(ServiceSpec service, Route route, FindingSink findings);

        /// <summary>A rule that checks every route alike: the service's default route, and each endpoint's route of its own.</summary>
        internal static PolicyRule ForRoutes(RouteCheck check) => new(
            (service, findings) => check(service, Route.OfService(service), findings),
            (service, endpoint, index, findings) =>
            {
                if (Route.OfEndpoint(service, endpoint, index) is { } route)
                {
                    check(service, route, findings);
                }
            });

        /// <summary>Whether the rule can find anything on an endpoint.</summary>
        public bool ChecksEndpoints => _endpoint is not null;

        /// <summary>Every finding on the service: its own settings first, then each endpoint in order.</summary>
        public IReadOnlyList<Finding> Check(ServiceSpec service)
        {
            var findings = new FindingSink();
            CheckAll(service, findings);
            return findings.ToList();
        }

        internal void CheckAll(ServiceSpec service, FindingSink findings)
        {
            _service?.Invoke(service, findings);
            if (_endpoint is not null)
            {
                for (int i = 0; i < service.Endpoints.Count; i++)
                {
                    _endpoint(service, service.Endpoints[i], i, findings);
                }
            }
        }

        internal void CheckService(ServiceSpec service, FindingSink findings) => _service?.Invoke(service, findings);

        internal void CheckEndpoint(ServiceSpec service, EndpointSpec endpoint, int index, FindingSink findings) =>
            _endpoint?.Invoke(service, endpoint, index, findings);
    }
}
