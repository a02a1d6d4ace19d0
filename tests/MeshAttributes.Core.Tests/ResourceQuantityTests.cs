using MeshAttributes.Core.Rules.Platform;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    /// <summary>Kubernetes resource quantities as the API server reads them (k8s.io/apimachinery/pkg/api/resource).</summary>
    public class ResourceQuantityTests
    {
        [Theory]
        [InlineData("200m", 0.2)]
        [InlineData("0.5", 0.5)]
        [InlineData("1", 1)]
        [InlineData(".5", 0.5)]
        [InlineData("2.", 2)]
        [InlineData("256Mi", 268435456)]
        [InlineData("1Gi", 1073741824)]
        [InlineData("128M", 128e6)]
        [InlineData("1e3", 1000)]
        [InlineData("15E-1", 1.5)]
        [InlineData("500u", 0.0005)]
        public void Quantities_kubernetes_accepts_parse_to_their_value(string text, double expected) =>
            Assert.Equal(expected, ResourceQuantity.Parse(text)!.Value, 9);

        [Theory]
        [InlineData("")]
        [InlineData("256MB")]
        [InlineData("0,5")]
        [InlineData("200 m")]
        [InlineData("-100m")]
        [InlineData("m")]
        [InlineData("1Ki2")]
        [InlineData("1e")]
        [InlineData("1mi")]
        [InlineData("١٢")]
        public void Text_that_is_not_a_non_negative_quantity_does_not_parse(string text) =>
            Assert.Null(ResourceQuantity.Parse(text));

        [Fact]
        public void One_core_and_a_thousand_millicores_are_the_same_quantity() =>
            Assert.Equal(ResourceQuantity.Parse("1"), ResourceQuantity.Parse("1000m"));
    }
}
