using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>Builds one file of a service's output from its model.</summary>
    public interface IResourceBuilder
    {
        /// <summary>The file name inside the service's folder, e.g. <c>destinationrule.yaml</c>.</summary>
        string FileName { get; }

        OutputFormat Format { get; }

        /// <summary>Whether the file is a Kubernetes resource listed in <c>kustomization.yaml</c>.</summary>
        bool IsKubernetesResource { get; }

        /// <summary>
        /// The attributes (short names, e.g. <c>CircuitBreaker</c>) and MSBuild properties (e.g. <c>MeshPrometheusRuleLabels</c>)
        /// whose values the file carries: an error in any of them, or in <c>MeshService</c>, means the file is not rendered.
        /// </summary>
        IReadOnlyCollection<string> Attributes { get; }

        /// <summary>The document, or null when the service declares nothing this resource would say.</summary>
        Node? Build(ServiceSpec service);
    }
}
