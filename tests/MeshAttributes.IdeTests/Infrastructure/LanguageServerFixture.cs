using System;
using Xunit;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>Installs csharp-ls on first use, once for the test run, and removes it at the end.</summary>
    public sealed class LanguageServerFixture : IDisposable
    {
        private readonly Lazy<(CSharpLs? Server, string Failure)> install = new(() => (CSharpLs.Install(out string failure), failure));

        /// <summary>The installed server; skips the test, with dotnet's words, when the tool cannot be installed here.</summary>
        internal CSharpLs Require()
        {
            (CSharpLs? server, string failure) = install.Value;
            Skip.If(
                server is null,
                $"csharp-ls {CSharpLs.Version} could not be installed as a dotnet tool (it comes from the machine's NuGet sources), so there is no language server to test in:\n{failure}");
            return server!;
        }

        public void Dispose()
        {
            if (install.IsValueCreated)
            {
                install.Value.Server?.Dispose();
            }
        }
    }
}
