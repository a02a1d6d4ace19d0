using Xunit;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>
    /// One pack and one user service for all tests, run one after another: they share the service's folder, and
    /// parallel `dotnet build`s would crowd a 2-core machine.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class PackageCollection : ICollectionFixture<PackageFixture>
    {
        public const string Name = "packed MeshAttributes";
    }
}
