using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshAttributes.Build.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MeshAttributes.Build.Tests.Integration
{
    /// <summary>
    /// Every sample built at once (`dotnet build -m`) into one shared MeshManifestsOutputPath, and the builds compared:
    /// nothing lost, torn or deleted across projects, and the same bytes from a clean build and an incremental one.
    /// </summary>
    [Collection(DotnetBuildCollection.Name)]
    public sealed class SharedOutputBuildTests : IClassFixture<BuiltSamples>
    {
        private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        private readonly BuiltSamples samples;
        private readonly ITestOutputHelper output;

        public SharedOutputBuildTests(BuiltSamples samples, ITestOutputHelper output)
        {
            this.samples = samples;
            this.output = output;
        }

        [Fact]
        public void A_parallel_build_of_every_sample_writes_each_projects_manifests_whole_beside_files_it_does_not_own()
        {
            Assert.True(samples.FirstBuild.Succeeded, samples.FirstBuild.ToString());
            SortedDictionary<string, byte[]> expected = samples.FirstInAssemblies;

            // The task's summary line of each project: five projects, each writing all of its own.
            Assert.Equal(SamplesCopy.Projects.Length, System.Text.RegularExpressions.Regex.Matches(samples.FirstBuild.Output, @"MeshAttributes: \d+ services?, \d+ manifests? in ").Count);
            Assert.Equal(
                expected.Keys.Append(BuiltSamples.ForeignReadme).Append(BuiltSamples.ForeignManifest).Order(StringComparer.Ordinal),
                samples.FirstManifests.Keys);
            foreach ((string path, byte[] bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(samples.FirstManifests[path]), $"{path} on disk is not the manifest its assembly carries");
            }

            Assert.Empty(Directory.GetFiles(samples.First.ManifestsFolder, "*.meshtmp", SearchOption.AllDirectories));
            output.WriteLine($"{SamplesCopy.Projects.Length} projects, {expected.Select(m => m.Key.Split('/')[0]).Distinct().Count()} services, {expected.Count} manifests ({expected.Sum(m => m.Value.Length)} bytes) in one folder; clean `dotnet build -m` {samples.FirstBuildTime.TotalSeconds:F0}s");
        }

        [Fact]
        public void A_clean_build_at_another_path_and_an_incremental_build_after_the_same_edit_write_byte_identical_manifests()
        {
            Assert.True(samples.SecondBuild.Succeeded, samples.SecondBuild.ToString());
            Assert.True(samples.IncrementalBuild.Succeeded, samples.IncrementalBuild.ToString());
            SortedDictionary<string, byte[]> incremental = new(samples.IncrementalManifests, StringComparer.Ordinal);
            incremental.Remove(BuiltSamples.ForeignReadme);
            incremental.Remove(BuiltSamples.ForeignManifest);

            AssertIdentical(incremental, samples.SecondManifests);
            Assert.True(incremental.Count > 40, $"only {incremental.Count} manifests compared");
            string[] changed = incremental.Keys.Where(k => !incremental[k].AsSpan().SequenceEqual(samples.FirstManifests[k])).ToArray();
            Assert.Equal([BuiltSamples.EditedManifest], changed);
            output.WriteLine($"{incremental.Count} manifests ({incremental.Sum(m => m.Value.Length)} bytes) identical; clean `dotnet build -m` {samples.FirstBuildTime.TotalSeconds:F0}s and {samples.SecondBuildTime.TotalSeconds:F0}s, incremental after the edit {samples.IncrementalBuildTime.TotalSeconds:F0}s; changed by the edit: {string.Join(", ", changed)}");
        }

        [Fact]
        public void Renaming_one_service_deletes_only_that_projects_old_files_and_leaves_every_other_file_untouched()
        {
            SamplesCopy copy = samples.First;
            foreach (string file in Directory.GetFiles(copy.ManifestsFolder, "*", SearchOption.AllDirectories))
            {
                File.SetLastWriteTimeUtc(file, LongAgo);
            }

            string policy = Path.Combine(Path.GetDirectoryName(copy.ProjectFile(BuiltSamples.EditedProject))!, "MeshPolicy.cs");
            File.WriteAllText(policy, File.ReadAllText(policy).Replace("[assembly: MeshService(\"shipping-service\")]", "[assembly: MeshService(\"shipping-service-v2\")]", StringComparison.Ordinal));

            var clock = System.Diagnostics.Stopwatch.StartNew();
            Testing.DotnetRun rebuilt = copy.Build();
            output.WriteLine($"parallel rebuild after the rename: {clock.Elapsed.TotalSeconds:F0}s; summary lines:\n{string.Join("\n", System.Text.RegularExpressions.Regex.Matches(rebuilt.Output, @"MeshAttributes: \d+ services?.*").Select(m => m.Value.Trim()))}");

            Assert.True(rebuilt.Succeeded, rebuilt.ToString());
            Assert.False(Directory.Exists(Path.Combine(copy.ManifestsFolder, "shipping-service")), rebuilt.ToString());
            Assert.True(File.Exists(Path.Combine(copy.ManifestsFolder, "shipping-service-v2", "kustomization.yaml")), rebuilt.ToString());
            SortedDictionary<string, byte[]> now = copy.ReadManifests();
            foreach ((string path, byte[] bytes) in samples.IncrementalManifests.Where(m => !m.Key.StartsWith("shipping-service/", StringComparison.Ordinal)))
            {
                Assert.True(now.TryGetValue(path, out byte[]? current), $"{path} was deleted by a build of another project:\n{rebuilt}");
                Assert.True(bytes.AsSpan().SequenceEqual(current), $"{path} changed");
                Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(Path.Combine(copy.ManifestsFolder, path)));
            }
        }

        private static void AssertIdentical(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
        {
            Assert.Equal(expected.Keys, actual.Keys);
            foreach ((string path, byte[] bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs");
            }
        }
    }
}
