using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>The parts every resource shares: apiVersion, kind and metadata with labels that say who manages it.</summary>
    public static class ResourceMetadata
    {
        public const string ManagedBy = "meshattributes";

        /// <summary>The pod label a service's pods are selected by, <c>app: &lt;service&gt;</c>, as in Istio's own conventions.</summary>
        public const string AppLabel = "app";

        /// <summary>
        /// The annotation naming the service account the selected pods are assumed to run as, so the assumption can be
        /// checked against the Deployment's <c>serviceAccountName</c>.
        /// </summary>
        public const string ServiceAccountAnnotation = "meshattributes.io/service-account";

        public static MapNode Header(string apiVersion, string kind, ServiceSpec service, string? name = null) =>
            new MapNode()
                .Set("apiVersion", apiVersion)
                .Set("kind", kind)
                .Set("metadata", Metadata(service, name ?? service.Name));

        /// <summary>
        /// The header of a resource that selects the service's pods (by <see cref="PodLabels"/>): its metadata also carries
        /// <see cref="ServiceAccountAnnotation"/>.
        /// </summary>
        public static MapNode WorkloadHeader(string apiVersion, string kind, ServiceSpec service) =>
            new MapNode()
                .Set("apiVersion", apiVersion)
                .Set("kind", kind)
                .Set("metadata", Metadata(service, service.Name)
                    .Set("annotations", new MapNode().Set(ServiceAccountAnnotation, service.EffectiveServiceAccount)));

        /// <summary>The labels that select the service's pods: <c>app: &lt;service&gt;</c>.</summary>
        public static MapNode PodLabels(ServiceSpec service) => new MapNode().Set(AppLabel, service.Name);

        public static MapNode Metadata(ServiceSpec service, string name) => Metadata(service, name, null);

        /// <summary>The metadata, with <paramref name="extraLabels"/> after the labels every resource has.</summary>
        public static MapNode Metadata(ServiceSpec service, string name, IReadOnlyList<KeyValuePair<string, string>>? extraLabels)
        {
            var labels = new MapNode()
                .Set("app.kubernetes.io/name", service.Name)
                .Set("app.kubernetes.io/managed-by", ManagedBy);
            if (extraLabels is not null)
            {
                foreach (var label in extraLabels)
                {
                    labels.Set(label.Key, label.Value);
                }
            }

            return new MapNode()
                .Set("name", name)
                .Set("namespace", service.EffectiveNamespace)
                .Set("labels", labels);
        }
    }
}
