namespace MeshAttributes.Core.Model
{
    /// <summary><c>[OutboundTrafficPolicy]</c>; <paramref name="Mode"/> is the enum's numeric value as written in C#.</summary>
    public sealed record OutboundTrafficPolicySpec(int Mode);
}
