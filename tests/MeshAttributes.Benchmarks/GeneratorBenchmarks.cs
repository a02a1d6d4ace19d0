using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// The generator through <see cref="CSharpGeneratorDriver"/>, as the compiler and the IDE drive it. Every invocation
    /// gets a new compilation (lazy, so nearly free to make), because the compiler and the IDE make one per build or
    /// edit and a reused one would hand the generator symbols and bound attributes cached by the previous invocation.
    /// Sources are parsed once in setup: parsing is the compiler's work whether or not the generator runs.
    /// </summary>
    [MemoryDiagnoser]
    public class GeneratorBenchmarks
    {
        private SyntheticService _service = null!;
        private CSharpCompilation _warmCompilation = null!;
        private GeneratorDriver _warmDriver = null!;
        private SyntaxTree _unrelatedFile = null!;
        private SyntaxTree _bodyEdit = null!;
        private SyntaxTree _valueEdit = null!;

        [Params(1, 10, 100, 1000)]
        public int Endpoints { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _service = SyntheticService.Create(Endpoints);
            _warmCompilation = _service.CreateCompilation();
            _warmDriver = GeneratorDrivers.Create().RunGenerators(_warmCompilation);
            _unrelatedFile = SyntheticService.UnrelatedFile();
            _bodyEdit = _service.HandlerBodyEdit();
            _valueEdit = _service.TimeoutValueEdit();
        }

        /// <summary>A new driver on a new compilation: the first build, or the IDE opening the project.</summary>
        [Benchmark]
        public GeneratorDriver Cold() => GeneratorDrivers.Create().RunGenerators(_service.CreateCompilation());

        /// <summary>
        /// The same cold run of <see cref="ForAttributeFloorGenerator"/>, which finds the same attributes and does nothing
        /// with them: Roslyn's share of <see cref="Cold"/>, so Cold − ColdRoslynFloor is MeshAttributes' own work.
        /// </summary>
        [Benchmark]
        public GeneratorDriver ColdRoslynFloor() => GeneratorDrivers.Create(new ForAttributeFloorGenerator()).RunGenerators(_service.CreateCompilation());

        /// <summary>A warmed driver after a file no attribute cares about was added: should regenerate nothing.</summary>
        [Benchmark]
        public GeneratorDriver UnrelatedEditNewFile() => _warmDriver.RunGenerators(_warmCompilation.AddSyntaxTrees(_unrelatedFile));

        /// <summary>A warmed driver after a handler body changed in a file full of endpoints: should regenerate nothing.</summary>
        [Benchmark]
        public GeneratorDriver UnrelatedEditMethodBody() =>
            _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_service.FirstHandlerFile, _bodyEdit));

        /// <summary>A warmed driver after one endpoint's <c>[Timeout]</c> changed: re-renders that one service.</summary>
        [Benchmark]
        public GeneratorDriver OneValueEdit() =>
            _warmDriver.RunGenerators(_warmCompilation.ReplaceSyntaxTree(_service.FirstHandlerFile, _valueEdit));
    }
}
