namespace MeshAttributes.Cli
{
    /// <summary>How <c>mesh graph</c> draws the mesh.</summary>
    public enum GraphFormat
    {
        Mermaid,
        Dot,
    }
}
