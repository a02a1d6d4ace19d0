namespace MeshAttributes.Core.Manifests
{
    /// <summary>
    /// Input that could not be read as the mesh: a path that does not exist, YAML that does not parse, a value of the wrong
    /// type. The message says what is wrong and what to write instead; the rest of the input is still read.
    /// </summary>
    public sealed record InputProblem(SourceLocation Location, string Message);
}
