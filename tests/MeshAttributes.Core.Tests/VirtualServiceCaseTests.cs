using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing.Routing;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    /// <summary>ASP.NET Core routes ignore case, so the mesh's matches must too: a regex carries RE2's <c>(?i)</c>.</summary>
    public class VirtualServiceCaseTests
    {
        [Theory]
        [InlineData("/api/Orders/{id:int}", "/API/orders/42")]
        [InlineData("/api/Orders/summary", "/api/orders/SUMMARY")]
        [InlineData("/api/Orders/summary", "/API/ORDERS/summary/")]
        public void A_differently_cased_request_still_matches_its_endpoint_route(string template, string request)
        {
            var endpoint = new EndpointSpec("OrdersController.Get", EquatableArray.Create("GET"), template, null, new TimeoutSpec("2s"), false);
            string yaml = Render(endpoint);

            Assert.Equal("get-api-orders-" + (template.EndsWith("summary") ? "summary" : "id-int"), EnvoyRouteMatcher.FromYaml(yaml).Route("GET", request));
            // Istio's ignoreUriCase does not reach a regex; it is never written.
            Assert.DoesNotContain("ignoreUriCase", yaml);
        }

        /// <summary>The VirtualService of a service holding only <paramref name="endpoints"/>.</summary>
        internal static string Render(params EndpointSpec[] endpoints)
        {
            var service = new ServiceSpec("orders", null, null, null, null, null, null, null, null, null,
                EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, null, EquatableArray.Create(endpoints));
            return ServiceRenderer.Render(service).Files.Single(f => f.Path == "orders/virtualservice.yaml").Content;
        }
    }
}
