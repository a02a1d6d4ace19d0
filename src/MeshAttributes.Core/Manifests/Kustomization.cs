using System.Collections.Generic;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>A folder's kustomization as read: its entries in order, or the problem that kept it from being read.</summary>
    internal sealed class Kustomization
    {
        public Kustomization(InputProblem? problem) => Problem = problem;

        public InputProblem? Problem { get; }

        public List<KustomizationEntry> Entries { get; } = new();
    }

    /// <summary>One entry of a kustomization's <c>resources</c> or <c>bases</c> and what it names on disk.</summary>
    internal sealed record KustomizationEntry(string List, string Relative, string Path, SourceLocation At, EntryKind Kind);

    internal enum EntryKind
    {
        File,
        Directory,
        Missing,
        Remote,
    }
}
