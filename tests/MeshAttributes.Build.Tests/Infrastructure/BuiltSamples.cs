using System;
using System.Collections.Generic;

namespace MeshAttributes.Build.Tests.Infrastructure
{
    /// <summary>
    /// Two copies of the samples at different paths, each built clean with one `dotnet build -m` into its own shared
    /// MeshManifestsOutputPath, and what each build left there. The first copy's folder also holds files no sample
    /// writes (a README and another team's service), placed before its build.
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
            clock.Restart();
            SecondBuild = Second.Build();
            SecondBuildTime = clock.Elapsed;
            SecondManifests = Second.ReadManifests();
        }

        internal SamplesCopy First { get; }

        internal SamplesCopy Second { get; }

        internal Testing.DotnetRun FirstBuild { get; }

        internal Testing.DotnetRun SecondBuild { get; }

        internal TimeSpan FirstBuildTime { get; }

        internal TimeSpan SecondBuildTime { get; }

        internal SortedDictionary<string, byte[]> FirstManifests { get; }

        internal SortedDictionary<string, byte[]> SecondManifests { get; }

        /// <summary>What the first copy's five compiled assemblies carry, by manifest path, read right after its build.</summary>
        internal SortedDictionary<string, byte[]> FirstInAssemblies { get; }

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
