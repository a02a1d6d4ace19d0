namespace MeshAttributes.Build
{
    /// <summary>One <c>[assembly: MeshManifestError(path, id, message)]</c> read from the compiled assembly.</summary>
    internal sealed class ManifestErrorEntry
    {
        public ManifestErrorEntry(string? path, string? id, string? message)
        {
            Path = path;
            Id = id;
            Message = message;
        }

        public string? Path { get; }

        /// <summary>The rule id (MESH001…), used as the MSBuild error code.</summary>
        public string? Id { get; }

        public string? Message { get; }
    }
}
