using System;
using System.IO;

namespace MeshAttributes.PackageTests.Infrastructure
{
    /// <summary>
    /// A brand-new ASP.NET Core service made the way a user makes one: `dotnet new web`, a nuget.config naming the
    /// feed, `dotnet add package MeshAttributes`, then attributes in MeshPolicy.cs and Program.cs.
    /// </summary>
    /// <remarks>
    /// The nuget.config clears every other source: the template's project needs nothing but the SDK's own packs,
    /// so restore works offline, and no other feed can supply a MeshAttributes package.
    /// </remarks>
    internal sealed class UserService
    {
        public const string Name = "OrderService";
        public const string ServiceName = "order-service";

        private readonly PackageFixture fixture;

        private UserService(PackageFixture fixture)
        {
            this.fixture = fixture;
            Folder = Path.Combine(fixture.Root, Name);
        }

        public string Folder { get; }

        public string OutDir => Path.Combine(Folder, "bin", "Debug", "net10.0");

        /// <summary>Where the service's manifests go by default: <c>$(OutDir)mesh/order-service/</c>.</summary>
        public string DefaultManifests => Path.Combine(OutDir, "mesh", ServiceName);

        public string StampFile => Path.Combine(Folder, "obj", "Debug", "net10.0", $"{Name}.MeshManifests.stamp");

        public static UserService Create(PackageFixture fixture)
        {
            var service = new UserService(fixture);
            File.WriteAllText(Path.Combine(fixture.Root, "nuget.config"), """
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="meshattributes-under-test" value="feed" />
                  </packageSources>
                  <config>
                    <add key="globalPackagesFolder" value="packages" />
                  </config>
                </configuration>
                """);
            service.Dotnet(fixture.Root, "new", "web", "-o", Name, "-n", Name, "--no-restore");
            service.Dotnet(service.Folder, "add", "package", PackageFixture.PackageId, "--version", fixture.Version);
            service.SetSources(ServiceSources.Policy, ServiceSources.Program);
            return service;
        }

        /// <summary>Writes the two files, each only if its text changes, so an unchanged service is not recompiled.</summary>
        public void SetSources(string policy, string program)
        {
            WriteIfChanged(Path.Combine(Folder, "MeshPolicy.cs"), policy);
            WriteIfChanged(Path.Combine(Folder, "Program.cs"), program);
        }

        /// <summary>`dotnet build` with a restore, as a user runs it (minimal verbosity unless told otherwise).</summary>
        public Testing.DotnetRun Build(params string[] arguments) =>
            DotnetCli.Run(Folder, fixture.NuGetPackages, ["build", "-nodeReuse:false", "-nologo", "-v:m", .. arguments]);

        /// <summary>A console app referencing this service's project, the way a test project or a host would.</summary>
        public string CreateConsumer(string name)
        {
            Dotnet(fixture.Root, "new", "console", "-o", name, "-n", name, "--no-restore");
            string folder = Path.Combine(fixture.Root, name);
            Dotnet(folder, "add", "reference", Path.Combine(Folder, $"{Name}.csproj"));
            return folder;
        }

        public Testing.DotnetRun BuildConsumer(string folder) =>
            DotnetCli.Run(folder, fixture.NuGetPackages, "build", "-nodeReuse:false", "-nologo", "-v:m");

        private static void WriteIfChanged(string path, string text)
        {
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                File.WriteAllText(path, text);
            }
        }

        private void Dotnet(string workingDirectory, params string[] arguments)
        {
            Testing.DotnetRun result = DotnetCli.Run(workingDirectory, fixture.NuGetPackages, arguments);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Setting up the user's service failed:\n{result}");
            }
        }
    }
}
