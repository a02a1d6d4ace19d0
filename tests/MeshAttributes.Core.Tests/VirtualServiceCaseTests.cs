using System.Linq;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    /// <summary>ASP.NET Core routes ignore case, so the mesh's matches must too, for exact and regex matches alike.</summary>
    public class VirtualServiceCaseTests
    {
        [Theory]
        [InlineData("/api/Orders/{id:int}", "/API/orders/42")]
        [InlineData("/api/Orders/summary", "/api/orders/SUMMARY")]
        public void A_differently_cased_request_still_matches_its_endpoint_route(string template, string request)
        {
            var endpoint = new EndpointSpec("OrdersController.Get", EquatableArray.Create("GET"), template, null, new TimeoutSpec("2s"), false);
            var service = new ServiceSpec("orders", null, null, null, null, null, null, null, null, null,
                EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, null, EquatableArray.Create(endpoint));

            string yaml = ServiceRenderer.Render(service).Files.Single(f => f.Path == "orders/virtualservice.yaml").Content;

            var regex = Regex.Match(yaml, "regex: \"(?<re>[^\"]+)\"");
            if (regex.Success)
            {
                // RE2's (?i) as .NET reads it; Istio's ignoreUriCase would not apply to a regex.
                Assert.Matches("^(?:" + regex.Groups["re"].Value + ")$", request);
                Assert.DoesNotContain("ignoreUriCase", yaml);
            }
            else
            {
                Assert.Contains("exact: " + template, yaml);
                Assert.Contains("ignoreUriCase: true", yaml);
            }
        }
    }
}
