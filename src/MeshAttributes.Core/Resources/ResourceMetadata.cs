using System.Collections.Generic;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources
{
    /// <summary>The parts every resource shares: apiVersion, kind and metadata with labels that say who manages it.</summary>
    public static class ResourceMetadata
    {
        public const string ManagedBy = "meshattributes";

        public static MapNode Header(string apiVersion, string kind, ServiceSpec service, string? name = null) =>
            new MapNode()
                .Set("apiVersion", apiVersion)
                .Set("kind", kind)
                .Set("metadata", Metadata(service, name ?? service.Name));

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
