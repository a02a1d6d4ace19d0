using System;
using System.ComponentModel;

namespace MeshAttributes
{
    /// <summary>
    /// Records, inside the compiled assembly, a manifest the generator refused to render because a value is
    /// invalid. The MSBuild task fails the build with it instead of writing the file. Written by the generator;
    /// not meant for user code.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class MeshManifestErrorAttribute : Attribute
    {
        /// <summary>Records a refused manifest.</summary>
        /// <param name="path">The path the manifest would have had, <c>&lt;service&gt;/&lt;file&gt;</c>.</param>
        /// <param name="id">The rule id, such as <c>MESH001</c>.</param>
        /// <param name="message">What is wrong and what to write instead.</param>
        public MeshManifestErrorAttribute(string path, string id, string message)
        {
            Path = path;
            Id = id;
            Message = message;
        }

        /// <summary>The path the manifest would have had.</summary>
        public string Path { get; }

        /// <summary>The rule id.</summary>
        public string Id { get; }

        /// <summary>What is wrong and what to write instead.</summary>
        public string Message { get; }
    }
}
