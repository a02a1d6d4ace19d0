using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>
    /// A resource that carries another file of the same service as that file was rendered (the Grafana ConfigMap carries
    /// <c>dashboard.json</c>): <see cref="ServiceRenderer"/> hands it that text rather than have it build and render the file again.
    /// </summary>
    public interface IWrappingResourceBuilder : IResourceBuilder
    {
        /// <summary>The file it carries, rendered before it (<see cref="ServiceRenderer.Builders"/> lists it earlier).</summary>
        string WrappedFileName { get; }

        /// <summary>The document around <paramref name="wrappedText"/>, the carried file's text.</summary>
        Node Build(ServiceSpec service, string wrappedText);
    }
}
