namespace MeshAttributes.Build
{
    /// <summary>
    /// Names of the attributes the generator emits. Matched by name, not by type: the task never loads
    /// MeshAttributes.dll, so it keeps working whichever version of the attributes a project references.
    /// </summary>
    internal static class MeshAttributeNames
    {
        public const string Namespace = "MeshAttributes";
        public const string Manifest = "MeshManifestAttribute";
        public const string ManifestError = "MeshManifestErrorAttribute";
    }
}
