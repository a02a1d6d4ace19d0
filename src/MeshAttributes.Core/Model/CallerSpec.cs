namespace MeshAttributes.Core.Model
{
    /// <summary><c>[AllowCaller]</c>: a service allowed to call this one.</summary>
    public sealed record CallerSpec(string Service, string? Namespace, string? ServiceAccount);
}
