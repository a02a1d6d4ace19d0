using Xunit;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>
    /// The test classes that read the ECommerce sample's manifests share one <see cref="SampleBuild"/>: as class
    /// fixtures each would build the sample again, and in parallel, into the same <c>obj/</c> and <c>artifacts/mesh/</c>.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class SampleBuildCollection : ICollectionFixture<SampleBuild>
    {
        public const string Name = "ECommerce sample build";
    }
}
