using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>
    /// A copy of every sample (the four ECommerce services and the unsafe showcase) in a temp folder, built as in the
    /// repository: its Directory.Build.props/.targets import the repository's samples' ones, so the copies use the
    /// generator, analyzers and task from src/. Building copies, not the samples themselves, leaves the developer's
    /// artifacts/mesh/ and the samples' obj/ folders alone, and lets two copies at different paths be compared.
    /// </summary>
    internal sealed class SamplesCopy : IDisposable
    {
        /// <summary>The sample projects, relative to the samples folder.</summary>
        public static readonly string[] Projects =
        [
            "ECommerce/CheckoutService/CheckoutService.csproj",
            "ECommerce/InventoryService/InventoryService.csproj",
            "ECommerce/PaymentService/PaymentService.csproj",
            "ECommerce/ShippingService/ShippingService.csproj",
            "Unsafe/UnsafeShowcase/UnsafeShowcase.csproj",
        ];

        private readonly TempFolder folder = new();

        public SamplesCopy()
        {
            string samples = Path.Combine(RepoPaths.Root, "samples");
            foreach (string source in new[] { "ECommerce", "Unsafe" })
            {
                CopyTree(Path.Combine(samples, source), folder.Combine("samples", source));
            }

            File.WriteAllText(folder.Combine("samples", "Directory.Build.props"), $"""<Project><Import Project="{Path.Combine(samples, "Directory.Build.props")}" /></Project>""");
            File.WriteAllText(folder.Combine("samples", "Directory.Build.targets"), $"""<Project><Import Project="{Path.Combine(samples, "Directory.Build.targets")}" /></Project>""");
            File.WriteAllText(folder.Combine("Directory.Packages.props"), $"""<Project><Import Project="{Path.Combine(RepoPaths.Root, "Directory.Packages.props")}" /></Project>""");
            File.WriteAllText(
                Solution,
                "<Solution>\n" + string.Concat(Projects.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n");
            ManifestsFolder = folder.Combine("mesh") + Path.DirectorySeparatorChar;
        }

        public string Root => folder.Path;

        /// <summary>The one MeshManifestsOutputPath every sample writes into.</summary>
        public string ManifestsFolder { get; }

        /// <summary>All five projects, so one `dotnet build -m` builds them in parallel.</summary>
        public string Solution => folder.Combine("samples", "Samples.slnx");

        public string ProjectFile(string project) => folder.Combine("samples", project);

        /// <summary>The compiled assembly of a sample, where the task reads its manifests from.</summary>
        public string IntermediateAssembly(string project) =>
            Path.Combine(Path.GetDirectoryName(ProjectFile(project))!, "obj", RepoPaths.Configuration, "net10.0", Path.GetFileNameWithoutExtension(project) + ".dll");

        /// <summary>
        /// `dotnet build -m` of all five into <see cref="ManifestsFolder"/>. BuildProjectReferences=false: src/ is built
        /// already (the test project references it), and building it here would race with the other tests' builds.
        /// </summary>
        public Testing.DotnetRun Build(params string[] arguments) =>
            Testing.DotnetCli.Run(
                Root,
                ["build", Solution, "-m", "-c", RepoPaths.Configuration, "-nologo", "-v:n", "-nodeReuse:false", "-p:BuildProjectReferences=false",
                 $"-p:MeshManifestsOutputPath={ManifestsFolder}", .. arguments]);

        /// <summary>Every file under the manifests folder, by its path relative to it (with '/'), with its bytes.</summary>
        public SortedDictionary<string, byte[]> ReadManifests() =>
            new(
                Directory.Exists(ManifestsFolder)
                    ? Directory.GetFiles(ManifestsFolder, "*", SearchOption.AllDirectories)
                        .ToDictionary(f => Path.GetRelativePath(ManifestsFolder, f).Replace('\\', '/'), File.ReadAllBytes)
                    : [],
                StringComparer.Ordinal);

        public void Dispose() => folder.Dispose();

        private static void CopyTree(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (string child in Directory.GetDirectories(from))
            {
                string name = Path.GetFileName(child);
                if (name is not ("bin" or "obj"))
                {
                    CopyTree(child, Path.Combine(to, name));
                }
            }
        }
    }
}
