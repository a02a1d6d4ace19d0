namespace MeshAttributes.Core.Resources
{
    /// <summary>A file that was not rendered because of an error finding: its would-be path, the rule id and the message.</summary>
    public sealed record ManifestError(string Path, string Id, string Message);
}
