using MeshAttributes.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshAttributes.Benchmarks
{
    /// <summary>Drivers for <see cref="MeshManifestGenerator"/>, configured as the compiler and the IDE run it.</summary>
    internal static class GeneratorDrivers
    {
        /// <summary>
        /// A new driver. Benchmarks leave step tracking off, as the compiler does (tracking keeps every step's inputs and
        /// outputs and would be measured too); the verify mode turns it on to read each step's run reason.
        /// </summary>
        public static GeneratorDriver Create(bool trackSteps = false) => Create(new MeshManifestGenerator(), trackSteps);

        public static GeneratorDriver Create(IIncrementalGenerator generator, bool trackSteps = false) =>
            CSharpGeneratorDriver.Create(
                new[] { generator.AsSourceGenerator() },
                parseOptions: SyntheticService.ParseOptions,
                driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }
}
