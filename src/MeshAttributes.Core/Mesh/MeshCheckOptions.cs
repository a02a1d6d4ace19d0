namespace MeshAttributes.Core.Mesh
{
    /// <summary>What <c>mesh check</c> can be told.</summary>
    /// <param name="MaxAmplification">MESH200's limit: how many requests one call may send to a service along a path (default 10).</param>
    public sealed record MeshCheckOptions(double MaxAmplification = MeshCheckOptions.DefaultMaxAmplification)
    {
        public const double DefaultMaxAmplification = 10;
    }
}
