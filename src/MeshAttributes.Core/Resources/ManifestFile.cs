using System;

namespace MeshAttributes.Core.Resources
{
    /// <summary>One rendered file: its path relative to the manifests folder (<c>&lt;service&gt;/&lt;file&gt;</c>) and its text.</summary>
    public sealed record ManifestFile(string Path, string Content);
}
