using Xunit;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>
    /// The integration tests run one after another: every temp project builds the same src/MeshAttributes project,
    /// and concurrent builds of one project race on its obj folder (and would crowd a 2-core machine).
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class DotnetBuildCollection : ICollectionFixture<TaskAssemblyFixture>
    {
        public const string Name = "dotnet build";
    }
}
