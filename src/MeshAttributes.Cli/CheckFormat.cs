namespace MeshAttributes.Cli
{
    /// <summary>How <c>mesh check</c> writes its findings.</summary>
    public enum CheckFormat
    {
        Text,
        Json,
        Sarif,
    }
}
