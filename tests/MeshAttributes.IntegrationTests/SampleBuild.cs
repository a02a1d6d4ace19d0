using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshAttributes.Testing;

namespace MeshAttributes.IntegrationTests
{
    /// <summary>
    /// Builds the ECommerce sample (its four services and its platform project) once per test run with <c>dotnet build</c>, the way the README's first
    /// command does, and reads what it wrote to <c>artifacts/mesh/</c>. (Building the sample into another folder
    /// would make the task delete the manifests a developer already has there.)
    /// </summary>
    public sealed class SampleBuild
    {
        public static readonly string[] Services = { "CheckoutService", "InventoryService", "PaymentService", "ShippingService" };

        public static readonly string[] ServiceNames = { "checkout-service", "inventory-service", "payment-service", "shipping-service" };

        public SampleBuild()
        {
            RepoRoot = SharedFolder.Current.RepoRoot ?? throw new InvalidOperationException("MeshAttributes.sln not found above " + AppContext.BaseDirectory);
            OutputFolder = Path.Combine(RepoRoot, "artifacts", "mesh") + Path.DirectorySeparatorChar;
            var outputs = new List<string>();
            foreach (string service in Services)
            {
                var (_, exitCode, output) = DotnetCli.Run(
                    RepoRoot,
                    "build",
                    Path.Combine("samples", "ECommerce", service, service + ".csproj"),
                    // A full compile, so analyzer warnings (errors here: warnings are errors in the samples) are reported.
                    "--no-incremental",
                    "-nodeReuse:false",
                    "-p:BuildProjectReferences=false");
                outputs.Add(output);
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"dotnet build of {service} failed ({exitCode}):\n{output}");
                }
            }

            var (_, platformExit, platformOutput) = DotnetCli.Run(
                RepoRoot, "build", Path.Combine("samples", "ECommerce", "Platform", "Platform.csproj"), "--no-incremental", "-nodeReuse:false", "-p:BuildProjectReferences=false");
            outputs.Add(platformOutput);
            if (platformExit != 0)
            {
                throw new InvalidOperationException($"dotnet build of Platform failed ({platformExit}):\n{platformOutput}");
            }

            BuildOutput = string.Join("\n", outputs);
            PlatformManifests = Directory.GetFiles(Path.Combine(OutputFolder, "platform"))
                .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
            Manifests = ServiceNames.SelectMany(name => Directory.GetFiles(Path.Combine(OutputFolder, name), "*", SearchOption.AllDirectories))
                .ToDictionary(f => Path.GetRelativePath(OutputFolder, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        }

        public string RepoRoot { get; }

        public string OutputFolder { get; }

        public string BuildOutput { get; }

        public IReadOnlyDictionary<string, string> Manifests { get; }

        /// <summary>What the Platform project's build wrote to <c>artifacts/mesh/platform/</c>, by file name.</summary>
        public IReadOnlyDictionary<string, string> PlatformManifests { get; }
    }
}
