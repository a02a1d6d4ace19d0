namespace MeshAttributes.Core.Model
{
    /// <summary><c>[MutualTls]</c>; <paramref name="Mode"/> is the enum's numeric value as written in C#.</summary>
    public sealed record MutualTlsSpec(int Mode);
}
