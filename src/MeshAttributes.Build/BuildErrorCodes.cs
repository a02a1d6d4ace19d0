namespace MeshAttributes.Build
{
    /// <summary>
    /// Codes of the errors the task reports itself. A separate prefix from the rule catalog's MESHnnn, whose ids
    /// belong to the analyzers and the generator (a MeshManifestError keeps the rule id it carries).
    /// </summary>
    internal static class BuildErrorCodes
    {
        /// <summary>A manifest path that would escape the manifests folder or is not <c>service/file</c>.</summary>
        public const string InvalidPath = "MESHB001";

        /// <summary>Two manifests for one path (compared ignoring case: they would collide on Windows and macOS).</summary>
        public const string DuplicatePath = "MESHB002";

        /// <summary>The compiled assembly is missing or its manifest attributes cannot be decoded.</summary>
        public const string UnreadableAssembly = "MESHB003";

        /// <summary>A manifest or the stamp could not be written or deleted.</summary>
        public const string FileSystem = "MESHB004";
    }
}
