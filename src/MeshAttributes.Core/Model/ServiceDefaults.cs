namespace MeshAttributes.Core.Model
{
    /// <summary>Defaults MeshAttributes applies where neither the attributes nor MSBuild say otherwise.</summary>
    public static class ServiceDefaults
    {
        /// <summary>The Kubernetes namespace when neither <c>[MeshService(Namespace)]</c> nor <c>MeshNamespace</c> is set.</summary>
        public const string Namespace = "default";
    }
}
