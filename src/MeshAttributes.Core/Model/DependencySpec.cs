namespace MeshAttributes.Core.Model
{
    /// <summary><c>[DependsOn]</c>: a service this one calls.</summary>
    public sealed record DependencySpec(string Service, string? Namespace);
}
