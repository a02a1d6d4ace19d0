using System.Collections.Generic;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>One manifest file after parsing: its documents (each as its root node), or the problem that kept it from being read.</summary>
    internal sealed class ParsedFile
    {
        public ParsedFile(string file, IReadOnlyList<ManifestNode>? documents, InputProblem? problem)
        {
            File = file;
            Documents = documents;
            Problem = problem;
        }

        public string File { get; }

        public IReadOnlyList<ManifestNode>? Documents { get; }

        public InputProblem? Problem { get; }
    }
}
