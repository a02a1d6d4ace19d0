namespace MeshAttributes.Core.Resources
{
    /// <summary>How a resource document is written.</summary>
    public enum OutputFormat
    {
        Yaml,
        Json,
    }
}
