using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>Builds one file of the platform's output (<c>platform/&lt;file&gt;</c>) from its model.</summary>
    public interface IPlatformResourceBuilder
    {
        /// <summary>The file name inside <c>platform/</c>, e.g. <c>istio-operator.yaml</c>.</summary>
        string FileName { get; }

        OutputFormat Format { get; }

        /// <summary>Whether the file is a Kubernetes resource listed in <c>kustomization.yaml</c>.</summary>
        bool IsKubernetesResource { get; }

        /// <summary>The <c>MeshPlatform</c> properties whose values the file carries: an error in any of them means it is not rendered.</summary>
        IReadOnlyCollection<string> Properties { get; }

        Node Build(PlatformSpec platform);
    }
}
