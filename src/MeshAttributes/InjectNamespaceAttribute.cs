using System;

namespace MeshAttributes
{
    /// <summary>
    /// A namespace whose pods get an Istio sidecar: the platform writes a <c>Namespace</c> manifest labelled
    /// <c>istio-injection: enabled</c> for it (the case study's <c>kubectl label namespace default istio-injection=enabled</c>).
    /// Sits on the assembly beside <see cref="MeshPlatformAttribute"/>; repeat it for each namespace.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class InjectNamespaceAttribute : Attribute
    {
        /// <summary>Labels a namespace for sidecar injection.</summary>
        /// <param name="name">The namespace, a DNS-1123 label such as <c>default</c> or <c>staging</c>.</param>
        public InjectNamespaceAttribute(string name) => Name = name;

        /// <summary>The namespace's name (<c>metadata.name</c>).</summary>
        public string Name { get; }
    }
}
