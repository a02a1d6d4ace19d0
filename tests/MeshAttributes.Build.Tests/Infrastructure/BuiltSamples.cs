using System;
using System.Collections.Generic;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>
    /// Two copies of the samples at different paths, each built with `dotnet build -m` into its own shared
    /// MeshManifestsOutputPath, and what each build left there; built once for all the shared-folder tests. The first copy
    /// is built clean (its folder also holds files no sample writes, a README and another team's service, placed
    /// before), then edited (<see cref="Edit"/>) and built again incrementally; the second copy carries the same edit and
    /// is built clean. So one comparison proves two things: a clean build at another path, and an incremental build after
    /// an edit, write the same bytes.
    /// </summary>
    public sealed class BuiltSamples : IDisposable
    {
        public const string ForeignReadme = "README.md";
        public const string ForeignManifest = "other-team-service/virtualservice.yaml";

        public BuiltSamples()
        {
            First = new SamplesCopy();
            Second = new SamplesCopy();
            System.IO.Directory.CreateDirectory(System.IO.Path.Combine(First.ManifestsFolder, "other-team-service"));
            System.IO.File.WriteAllText(System.IO.Path.Combine(First.ManifestsFolder, ForeignReadme), "Written by a person.\n");
            System.IO.File.WriteAllText(System.IO.Path.Combine(First.ManifestsFolder, ForeignManifest), "kind: VirtualService\n");

            var clock = System.Diagnostics.Stopwatch.StartNew();
            FirstBuild = First.Build();
            FirstBuildTime = clock.Elapsed;
            FirstManifests = First.ReadManifests();
            FirstInAssemblies = ManifestsInAssemblies(First);

            Edit(Second);
            clock.Restart();
            SecondBuild = Second.Build();
            SecondBuildTime = clock.Elapsed;
            SecondManifests = Second.ReadManifests();

            Edit(First);
            clock.Restart();
            IncrementalBuild = First.Build();
            IncrementalBuildTime = clock.Elapsed;
            IncrementalManifests = First.ReadManifests();
        }

        /// <summary>The service whose timeout <see cref="Edit"/> changes.</summary>
        internal static string EditedProject => SamplesCopy.Projects[3];

        /// <summary>The manifest that edit changes.</summary>
        internal const string EditedManifest = "shipping-service/virtualservice.yaml";

        internal SamplesCopy First { get; }

        internal SamplesCopy Second { get; }

        internal Testing.DotnetRun FirstBuild { get; }

        internal Testing.DotnetRun SecondBuild { get; }

        internal TimeSpan FirstBuildTime { get; }

        internal TimeSpan SecondBuildTime { get; }

        /// <summary>The first copy's incremental build after <see cref="Edit"/>.</summary>
        internal Testing.DotnetRun IncrementalBuild { get; }

        internal TimeSpan IncrementalBuildTime { get; }

        /// <summary>The first copy's manifests folder after its incremental build.</summary>
        internal SortedDictionary<string, byte[]> IncrementalManifests { get; }

        internal SortedDictionary<string, byte[]> FirstManifests { get; }

        internal SortedDictionary<string, byte[]> SecondManifests { get; }

        /// <summary>What the first copy's five compiled assemblies carry, by manifest path, read right after its build.</summary>
        internal SortedDictionary<string, byte[]> FirstInAssemblies { get; }

        /// <summary>Changes the shipping service's timeout from 5s to 6s.</summary>
        private static void Edit(SamplesCopy copy)
        {
            string policy = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(copy.ProjectFile(EditedProject))!, "MeshPolicy.cs");
            string before = System.IO.File.ReadAllText(policy);
            string after = before.Replace("[assembly: Timeout(\"5s\")]", "[assembly: Timeout(\"6s\")]", StringComparison.Ordinal);
            if (after == before)
            {
                throw new InvalidOperationException($"{policy} no longer has the timeout the tests edit");
            }

            System.IO.File.WriteAllText(policy, after);
        }

        /// <summary>The manifests the compiled assemblies carry; throws if two projects carry one path.</summary>
        private static SortedDictionary<string, byte[]> ManifestsInAssemblies(SamplesCopy copy)
        {
            var manifests = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (string project in SamplesCopy.Projects)
            {
                string assembly = copy.IntermediateAssembly(project);
                if (!System.IO.File.Exists(assembly))
                {
                    continue; // the build failed; the tests report its output
                }

                foreach (ManifestEntry entry in MeshAssemblyReader.Read(assembly).Manifests)
                {
                    if (!manifests.TryAdd(entry.Path!, ManifestFileSystem.Utf8.GetBytes(entry.Content!)))
                    {
                        throw new InvalidOperationException($"{entry.Path} comes from two projects");
                    }
                }
            }

            return manifests;
        }

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }
}
