using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshAttributes.Generators.Tests.Infrastructure
{
    /// <summary>The outcome of one generator pass: the manifests and refusals it emitted, read back from the compiled attributes.</summary>
    internal sealed class GeneratorRun
    {
        public GeneratorRun(GeneratorDriver driver, Compilation output)
        {
            Driver = driver;
            Output = output;
            Result = driver.GetRunResult().Results.Single();
            foreach (AttributeData a in output.Assembly.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() == "MeshAttributes.MeshManifestAttribute")
                {
                    Manifests[(string)a.ConstructorArguments[0].Value!] = (string)a.ConstructorArguments[1].Value!;
                }
                else if (a.AttributeClass?.ToDisplayString() == "MeshAttributes.MeshManifestErrorAttribute")
                {
                    Errors.Add(((string)a.ConstructorArguments[0].Value!, (string)a.ConstructorArguments[1].Value!, (string)a.ConstructorArguments[2].Value!));
                }
            }
        }

        public GeneratorDriver Driver { get; }

        public Compilation Output { get; }

        public GeneratorRunResult Result { get; }

        public SortedDictionary<string, string> Manifests { get; } = new(System.StringComparer.Ordinal);

        public List<(string Path, string Id, string Message)> Errors { get; } = new();

        public ImmutableArray<Diagnostic> CompilationErrors =>
            Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();

        /// <summary>Every output of every tracked step, for caching assertions.</summary>
        public IEnumerable<(string Step, IncrementalStepRunReason Reason, object Value)> TrackedOutputs(IEnumerable<string> stepNames) =>
            stepNames.SelectMany(name => Result.TrackedSteps.TryGetValue(name, out var steps)
                ? steps.SelectMany(s => s.Outputs.Select(o => (name, o.Reason, o.Value)))
                : Enumerable.Empty<(string, IncrementalStepRunReason, object)>());
    }
}
