namespace MeshAttributes.Core.Model
{
    /// <summary><c>[LoadBalancer]</c>; <paramref name="Simple"/> is the enum's numeric value as written in C#.</summary>
    public sealed record LoadBalancerSpec(int Simple);
}
