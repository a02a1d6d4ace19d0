using System;
using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// The VirtualService: one <c>http</c> route per endpoint with its own <c>[Retry]</c> or <c>[Timeout]</c>
    /// (method and uri match, in ASP.NET Core's order), then the service's default route. Precedence is per
    /// attribute: an endpoint's <c>[Retry]</c> replaces the service's as a whole, its <c>[Timeout]</c> replaces
    /// the service's, and it inherits what it does not declare. An endpoint without either gets a route too, with
    /// the service's policy, where ASP.NET Core prefers it to an endpoint with a policy of its own whose route could
    /// take the same request (<c>GET /orders/summary</c> before <c>[Timeout] GET /orders/{id}</c>): Envoy takes the
    /// first route that matches, so without it the less specific endpoint's policy would apply. Written only when
    /// some route says something.
    /// </summary>
    public sealed class VirtualServiceBuilder : IResourceBuilder
    {
        public string FileName => "virtualservice.yaml";

        public OutputFormat Format => OutputFormat.Yaml;

        public bool IsKubernetesResource => true;

        public IReadOnlyCollection<string> Attributes { get; } = new[] { "Retry", "Timeout" };

        public Node? Build(ServiceSpec service)
        {
            var owning = new List<Route>();
            foreach (EndpointSpec endpoint in service.Endpoints)
            {
                if (endpoint.HasOwnRoute)
                {
                    owning.Add(Route.Of(endpoint));
                }
            }

            if (owning.Count == 0 && service.Retry is null && service.Timeout is null)
            {
                return null;
            }

            // An endpoint without a policy of its own needs a route only where ASP.NET Core prefers it to an endpoint with one
            // whose route could take its requests: otherwise the default route, with the same policy, serves it.
            var endpoints = new List<Route>(owning);
            foreach (EndpointSpec endpoint in service.Endpoints)
            {
                if (endpoint.HasOwnRoute || owning.Count == 0)
                {
                    continue;
                }

                Route other = Route.Of(endpoint);
                if (owning.Exists(o => AspNetOrder(other, o) < 0 && MethodsMeet(other.Endpoint, o.Endpoint) && other.Uri.MayMatchSamePath(o.Uri)))
                {
                    endpoints.Add(other);
                }
            }

            // ASP.NET Core's order, so Envoy's first match is the endpoint ASP.NET Core picks. The rest only makes the output
            // independent of declaration order.
            endpoints.Sort((a, b) =>
            {
                int c = AspNetOrder(a, b);
                if (c == 0) c = string.CompareOrdinal(a.Uri.Regex, b.Uri.Regex);
                if (c == 0) c = string.CompareOrdinal(a.Methods, b.Methods);
                if (c == 0) c = string.CompareOrdinal(a.Endpoint.DisplayName, b.Endpoint.DisplayName);
                return c;
            });

            // One destination and one service-level retry node, shared by every route that uses them: the renderers only read.
            SequenceNode destination = Destination(service);
            MapNode? serviceRetries = Retries(service.Retry);
            var http = new SequenceNode();
            var names = new HashSet<string>(StringComparer.Ordinal) { "default" };
            foreach (Route route in endpoints)
            {
                EndpointSpec endpoint = route.Endpoint;
                http.Add(new MapNode(5)
                    .Set("name", UniqueName(RouteName(endpoint), names))
                    .Set("match", Matches(endpoint, route.Uri))
                    .Set("route", destination)
                    .Set("retries", endpoint.Retry is { } own ? Retries(own) : serviceRetries)
                    .Set("timeout", (endpoint.Timeout ?? service.Timeout)?.Timeout));
            }

            http.Add(new MapNode()
                .Set("name", "default")
                .Set("route", destination)
                .Set("retries", serviceRetries)
                .Set("timeout", service.Timeout?.Timeout));

            return ResourceMetadata.Header(IstioFeatures.Networking(service.TargetIstio), "VirtualService", service)
                .Set("spec", new MapNode()
                    .Set("hosts", new SequenceNode().Add(service.Name))
                    .Set("http", http));
        }

        // Of two endpoints matching a request, the one ASP.NET Core routes it to sorts first: the lower route order, then
        // route precedence, then, at equal precedence, an endpoint restricted to methods before one taking any method (its
        // HTTP method policy's comparer).
        private static int AspNetOrder(Route a, Route b)
        {
            int c = a.Endpoint.Order.CompareTo(b.Endpoint.Order);
            if (c == 0) c = UriMatch.Specificity(a.Uri, b.Uri);
            return c != 0 ? c : (a.Endpoint.Methods.Count == 0).CompareTo(b.Endpoint.Methods.Count == 0);
        }

        // Whether one request can have a method both endpoints take.
        private static bool MethodsMeet(EndpointSpec a, EndpointSpec b)
        {
            if (a.Methods.Count == 0 || b.Methods.Count == 0)
            {
                return true;
            }

            for (int i = 0; i < a.Methods.Count; i++)
            {
                if (b.Methods.AsImmutableArray().Contains(a.Methods[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static SequenceNode Matches(EndpointSpec endpoint, UriMatch uri)
        {
            // A regex for every path: it alone can take a trailing slash along with any case ((?i): Istio's
            // ignoreUriCase does not reach a regex), as ASP.NET Core routing does.
            MapNode uriMatch = new MapNode(1).Set("regex", uri.Regex);
            var matches = new SequenceNode();
            for (int i = 0; i < Math.Max(1, endpoint.Methods.Count); i++)
            {
                matches.Add(new MapNode(2)
                    .Set("method", endpoint.Methods.Count == 0 ? null : new MapNode(1).Set("exact", endpoint.Methods[i]))
                    .Set("uri", uriMatch));
            }

            return matches;
        }

        private static SequenceNode Destination(ServiceSpec service) =>
            new SequenceNode().Add(new MapNode().Set("destination", new MapNode()
                .Set("host", service.Name)
                .Set("port", service.Port is int port ? new MapNode().Set("number", port) : null)));

        private static MapNode? Retries(RetrySpec? retry) =>
            retry is null
                ? null
                : new MapNode(3)
                    .Set("attempts", retry.Attempts)
                    .Set("perTryTimeout", retry.PerTryTimeout)
                    .Set("retryOn", retry.RetryOn);

        // "<methods>-<path slug>", lower case: "get-api-orders-id"; "any" without methods, "root" for the root path.
        private static string RouteName(EndpointSpec endpoint)
        {
            var name = new System.Text.StringBuilder();
            if (endpoint.Methods.Count == 0)
            {
                name.Append("any");
            }

            for (int i = 0; i < endpoint.Methods.Count; i++)
            {
                if (i > 0)
                {
                    name.Append('-');
                }

                foreach (char c in endpoint.Methods[i])
                {
                    name.Append(char.ToLowerInvariant(c));
                }
            }

            int prefix = name.Append('-').Length;
            foreach (char original in endpoint.RouteTemplate)
            {
                char c = char.ToLowerInvariant(original);
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                {
                    name.Append(c);
                }
                else if (name.Length > prefix && name[name.Length - 1] != '-')
                {
                    name.Append('-');
                }
            }

            if (name.Length > prefix && name[name.Length - 1] == '-')
            {
                name.Length--;
            }

            return (name.Length == prefix ? name.Append("root") : name).ToString();
        }

        private static string JoinMethods(EquatableArray<string> methods) => methods.Count switch
        {
            0 => string.Empty,
            1 => methods[0],
            _ => string.Join(",", methods.AsImmutableArray()),
        };

        // An endpoint with its uri match and its methods joined, the sort keys computed once.
        private readonly record struct Route(EndpointSpec Endpoint, UriMatch Uri, string Methods)
        {
            public static Route Of(EndpointSpec endpoint) => new(endpoint, UriMatch.FromTemplate(endpoint.RouteTemplate), JoinMethods(endpoint.Methods));
        }

        private static string UniqueName(string name, HashSet<string> used)
        {
            string candidate = name;
            for (int n = 2; !used.Add(candidate); n++)
            {
                candidate = name + "-" + n;
            }

            return candidate;
        }
    }
}
