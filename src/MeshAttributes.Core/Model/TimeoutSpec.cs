namespace MeshAttributes.Core.Model
{
    /// <summary><c>[Timeout]</c>: a VirtualService route's <c>timeout</c>.</summary>
    public sealed record TimeoutSpec(string Timeout);
}
