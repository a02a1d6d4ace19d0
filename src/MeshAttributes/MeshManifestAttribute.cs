using System;
using System.ComponentModel;

namespace MeshAttributes
{
    /// <summary>
    /// Carries one generated manifest inside the compiled assembly, from the source generator to the MSBuild
    /// task that writes it to disk. Written by the generator; not meant for user code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class MeshManifestAttribute : Attribute
    {
        /// <summary>Carries a manifest.</summary>
        /// <param name="path">The path relative to the manifests folder, <c>&lt;service&gt;/&lt;file&gt;</c>.</param>
        /// <param name="content">The file's text (LF line ends).</param>
        public MeshManifestAttribute(string path, string content)
        {
            Path = path;
            Content = content;
        }

        /// <summary>The path relative to the manifests folder.</summary>
        public string Path { get; }

        /// <summary>The file's text.</summary>
        public string Content { get; }
    }
}
