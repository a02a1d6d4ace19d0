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

        /// <summary>
        /// <c>[assembly: MeshPlatform]</c>, which the user writes: with it, the manifests' <see cref="PlatformFolder"/> holds the
        /// platform's output rather than a service's, and the task's messages say so.
        /// </summary>
        public const string Platform = "MeshPlatformAttribute";

        /// <summary>The folder the generator writes the platform's files into (Core's <c>PlatformRenderer.Folder</c>).</summary>
        public const string PlatformFolder = "platform";
    }
}
