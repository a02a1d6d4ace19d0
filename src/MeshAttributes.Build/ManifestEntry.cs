namespace MeshAttributes.Build
{
    /// <summary>One <c>[assembly: MeshManifest(path, content)]</c> read from the compiled assembly.</summary>
    internal sealed class ManifestEntry
    {
        public ManifestEntry(string? path, string? content)
        {
            Path = path;
            Content = content;
        }

        /// <summary>The path relative to the manifests folder, as the generator wrote it (not yet validated).</summary>
        public string? Path { get; }

        public string? Content { get; }
    }
}
