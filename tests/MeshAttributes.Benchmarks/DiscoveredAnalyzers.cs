using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using MeshAttributes.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshAttributes.Benchmarks
{
    /// <summary>
    /// Every C# <see cref="DiagnosticAnalyzer"/> in the MeshAttributes.Generators assembly, found by reflection so a new
    /// analyzer is measured without touching the benchmarks. By default that is the assembly this project was built
    /// with; <see cref="AssemblyVariable"/> names another build of it (e.g. a branch where analyzers are being added),
    /// loaded in its own load context with its own MeshAttributes.Core beside it.
    /// </summary>
    internal sealed class DiscoveredAnalyzers
    {
        public const string AssemblyVariable = "MESH_BENCH_ANALYZER_ASSEMBLY";

        private DiscoveredAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, string origin)
        {
            Analyzers = analyzers;
            Origin = origin;
        }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>Where the analyzers came from, for the report.</summary>
        public string Origin { get; }

        public string Describe() => Analyzers.IsEmpty
            ? $"No DiagnosticAnalyzer in {Origin}: the analyzer benchmarks measure nothing and no analyzer share can be given."
            : $"{Analyzers.Length} DiagnosticAnalyzer(s) from {Origin}: {string.Join(", ", Analyzers.Select(a => a.GetType().Name))}.";

        public static DiscoveredAnalyzers Load()
        {
            string? path = Environment.GetEnvironmentVariable(AssemblyVariable);
            if (string.IsNullOrWhiteSpace(path))
            {
                Assembly own = typeof(MeshManifestGenerator).Assembly;
                return new DiscoveredAnalyzers(Discover(own), own.Location);
            }

            string full = Path.GetFullPath(path);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"{AssemblyVariable} names {full}, which does not exist.", full);
            }

            Assembly external = new ExternalAnalyzerLoadContext(full).LoadFromAssemblyPath(full);
            return new DiscoveredAnalyzers(Discover(external), full + $" ({AssemblyVariable})");
        }

        private static ImmutableArray<DiagnosticAnalyzer> Discover(Assembly assembly)
        {
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }

            return types
                .Where(t => t is { IsAbstract: false } && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                    && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp))
                    && t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t!.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t!)!)
                .ToImmutableArray();
        }
    }
}
