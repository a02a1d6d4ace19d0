namespace MeshAttributes.Core.Model
{
    /// <summary><c>[Retry]</c>: a VirtualService route's <c>retries</c>.</summary>
    public sealed record RetrySpec(int? Attempts, string? PerTryTimeout, string? RetryOn);
}
