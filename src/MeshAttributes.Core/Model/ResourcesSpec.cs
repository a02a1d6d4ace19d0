namespace MeshAttributes.Core.Model
{
    /// <summary>A container's <c>resources</c>: Kubernetes quantities as written (<c>200m</c>, <c>256Mi</c>).</summary>
    public sealed record ResourcesSpec(string RequestsCpu, string RequestsMemory, string LimitsCpu, string LimitsMemory);
}
