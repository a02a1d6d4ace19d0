using MeshAttributes.PackageTests.Infrastructure;
using Xunit;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>
    /// One pack, one user service and one csharp-ls install for all IDE tests, run one after another: they share the
    /// service's folder, and a language server or workspace loading a project beside a build would crowd a 2-core machine.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class IdeCollection : ICollectionFixture<PackageFixture>, ICollectionFixture<LanguageServerFixture>
    {
        public const string Name = "IDE hosts over the packed package";
    }
}
