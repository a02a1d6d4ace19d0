namespace MeshAttributes.Cli
{
    /// <summary>The least severe finding that fails <c>mesh check</c> (exit code 1).</summary>
    public enum FailOn
    {
        Error,
        Warning,
        Never,
    }
}
