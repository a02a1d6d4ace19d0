using Xunit;

namespace MeshAttributes.Build.Tests.Unit
{
    public sealed class ManifestPathTests
    {
        [Theory]
        [InlineData("checkout-service/destinationrule.yaml")]
        [InlineData("checkout-service/kustomization.yaml")]
        [InlineData("checkout-service/dashboards/checkout.json")]
        [InlineData("a/.hidden")]
        public void Accepts_relative_service_paths(string path) => Assert.Null(ManifestPath.Validate(path));

        [Theory]
        [InlineData(null, "empty")]
        [InlineData("", "empty")]
        [InlineData("../evil.yaml", "'..'")]
        [InlineData("checkout-service/../../evil.yaml", "'..'")]
        [InlineData("checkout-service/..", "'..'")]
        [InlineData("/etc/passwd", "rooted")]
        [InlineData("C:/Windows/x.yaml", "rooted")]
        [InlineData("checkout-service\\destinationrule.yaml", "backslash")]
        [InlineData("kustomization.yaml", "no service folder")]
        [InlineData("checkout-service//x.yaml", "empty segment")]
        [InlineData("checkout-service/", "empty segment")]
        [InlineData("./checkout-service/x.yaml", "'.' segment")]
        [InlineData("checkout-service/x?.yaml", "U+003F")]
        [InlineData("checkout-service/x\n.yaml", "U+000A")]
        [InlineData("checkout-service./x.yaml", "ends with '.'")]
        public void Rejects_paths_that_could_leave_the_folder_or_differ_between_OSes(string? path, string reasonContains)
        {
            string? reason = ManifestPath.Validate(path);

            Assert.NotNull(reason);
            Assert.Contains(reasonContains, reason);
        }

        [Theory]
        [InlineData("checkout-service/destinationrule.yaml", "checkout-service", "destinationrule.yaml")]
        [InlineData("checkout-service/dashboards/a.json", "checkout-service", "dashboards/a.json")]
        public void Splits_service_from_file(string path, string service, string file)
        {
            Assert.Equal(service, ManifestPath.ServiceOf(path));
            Assert.Equal(file, ManifestPath.FileOf(path));
        }
    }
}
