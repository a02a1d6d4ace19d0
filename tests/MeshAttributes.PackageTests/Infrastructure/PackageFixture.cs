using System;
using System.IO;
using System.Linq;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>
    /// Packs src/MeshAttributes.Package once per test run into a temp folder feed, with a version no earlier run
    /// used, and creates the user's service (<see cref="UserService"/>) on first use. Everything lives under one
    /// temp folder, the isolated NuGet packages folder included, and is deleted at the end.
    /// </summary>
    /// <remarks>
    /// The pack uses NoBuild: the test project's ProjectReference built the package project and everything it
    /// packs before the tests started, so nothing here writes to a src/ project's bin or obj folder while other
    /// test projects of the solution build them. The nuspec goes to the temp folder too.
    /// </remarks>
    public sealed class PackageFixture : IDisposable
    {
        public const string PackageId = "MeshAttributes";

        private readonly Lazy<UserService> service;

        public PackageFixture()
        {
            string id = Guid.NewGuid().ToString("N")[..12];
            Root = Path.Combine(Path.GetTempPath(), "MeshAttributes.PackageTests", id);
            Directory.CreateDirectory(Root);
            Feed = Path.Combine(Root, "feed");
            NuGetPackages = Path.Combine(Root, "packages");
            Version = $"{RepoPaths.Version}-ci-{id}";
            Nupkg = Pack(Feed);
            PackedAtUtc = DateTime.UtcNow;
            service = new Lazy<UserService>(() => UserService.Create(this));
        }

        /// <summary>The temp folder holding the feed, the packages folder and the user's projects.</summary>
        public string Root { get; }

        /// <summary>The local folder feed the user's nuget.config points at.</summary>
        public string Feed { get; }

        /// <summary>The isolated NuGet global packages folder (NUGET_PACKAGES) of every restore here.</summary>
        public string NuGetPackages { get; }

        public string Version { get; }

        public string Nupkg { get; }

        public DateTime PackedAtUtc { get; }

        /// <summary>The `dotnet new web` service that references the package, created on first use.</summary>
        internal UserService Service => service.Value;

        /// <summary>Packs this checkout into <paramref name="outputFolder"/> and returns the one package it made.</summary>
        public string Pack(string outputFolder)
        {
            Testing.DotnetRun pack = DotnetCli.Run(
                Root,
                nugetPackages: null,
                "pack", RepoPaths.PackageProject, "-c", RepoPaths.Configuration, "--no-build", "-o", outputFolder,
                $"-p:PackageVersion={Version}", $"-p:NuspecOutputPath={Path.Combine(Root, "nuspec")}{Path.DirectorySeparatorChar}",
                "-nodeReuse:false", "-nologo");
            if (!pack.Succeeded)
            {
                throw new InvalidOperationException($"Packing {RepoPaths.PackageProject} failed:\n{pack}");
            }

            string[] packages = Directory.GetFiles(outputFolder, "*.nupkg");
            string expected = Path.Combine(outputFolder, $"{PackageId}.{Version}.nupkg");
            if (packages.Length != 1 || packages.Single() != expected)
            {
                throw new InvalidOperationException($"Expected only {expected}, the pack made: {string.Join(", ", packages)}\n{pack}");
            }

            return expected;
        }

        /// <summary>A new folder under <see cref="Root"/> that does not exist yet.</summary>
        public string NewPath(string name) => Path.Combine(Root, $"{name}-{Guid.NewGuid().ToString("N")[..8]}");

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover in the temp folder is harmless; failing the run for it would hide the real result.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
