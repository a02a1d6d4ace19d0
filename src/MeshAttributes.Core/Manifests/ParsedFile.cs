using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>One manifest file after parsing: its documents, or the problem that kept it from being read.</summary>
    internal sealed class ParsedFile
    {
        public ParsedFile(string file, YamlStream? documents, InputProblem? problem)
        {
            File = file;
            Documents = documents;
            Problem = problem;
        }

        public string File { get; }

        public YamlStream? Documents { get; }

        public InputProblem? Problem { get; }
    }
}
