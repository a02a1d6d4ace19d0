using System;
using MeshAttributes.Testing.Routing;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The matcher picks routes as Envoy does with what Istio translates a VirtualService into.</summary>
public sealed class EnvoyRouteMatcherTests
{
    private const string VirtualService = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: orders
        spec:
          hosts: [orders]
          http:
            - name: exact-folded
              match:
                - method: { exact: POST }
                  uri: { exact: /api/Orders }
                  ignoreUriCase: true
            - name: exact
              match:
                - uri: { exact: /Exact }
            - name: prefix-folded
              match:
                - uri: { prefix: /static/ }
                  ignoreUriCase: true
            - name: regex
              match:
                - uri: { regex: "/items/[0-9]+" }
                  ignoreUriCase: true
                - method: { exact: DELETE }
                  uri: { regex: "(?i)/items/all" }
            - name: default
              route: [{ destination: { host: orders } }]
        """;

    [Theory]
    [InlineData("POST", "/api/orders", "exact-folded")]
    [InlineData("POST", "/API/ORDERS?x=1", "exact-folded")]
    [InlineData("GET", "/api/orders", "default")]
    [InlineData("POST", "/api/orders/", "default")]
    [InlineData("GET", "/Exact", "exact")]
    [InlineData("GET", "/exact", "default")]
    [InlineData("GET", "/STATIC/app.js", "prefix-folded")]
    [InlineData("GET", "/items/42", "regex")]
    [InlineData("GET", "/items/42x", "default")]
    [InlineData("GET", "/ITEMS/42", "default")]
    [InlineData("DELETE", "/ITEMS/ALL", "regex")]
    [InlineData("GET", "/ITEMS/ALL", "default")]
    [InlineData("GET", "/x/items/42", "default")]
    [InlineData("GET", "/it%65ms/42", "regex")]
    [InlineData("GET", "/items/4%32", "regex")]
    public void Takes_the_first_route_whose_match_holds(string method, string target, string route) =>
        Assert.Equal(route, EnvoyRouteMatcher.FromYaml(VirtualService).Route(method, target));

    [Theory]
    [InlineData("/a%2Fb?c=d#e", "/a%2Fb")]
    [InlineData("/%7Euser/%41%2e%5f", "/~user/A._")]
    [InlineData("/caf%C3%A9", "/caf%C3%A9")]
    public void The_path_loses_its_query_and_gets_unreserved_characters_decoded(string target, string path) =>
        Assert.Equal(path, EnvoyRouteMatcher.NormalizedPath(target));

    [Fact]
    public void A_regex_that_is_not_re2_is_refused()
    {
        string yaml = VirtualService.Replace("/items/[0-9]+", "/items/(?=1)[0-9]+", StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => EnvoyRouteMatcher.FromYaml(yaml));
    }
}
