using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Resources.Platform
{
    /// <summary>apiVersion, kind and metadata of the platform's resources, labelled as MeshAttributes' and as the platform's.</summary>
    public static class PlatformMetadata
    {
        public static MapNode Header(string apiVersion, string kind, string name, string? @namespace, PlatformSpec platform, MapNode? extraLabels = null)
        {
            var labels = new MapNode()
                .Set("app.kubernetes.io/name", platform.Name)
                .Set("app.kubernetes.io/managed-by", ResourceMetadata.ManagedBy);
            if (extraLabels is not null)
            {
                for (int i = 0; i < extraLabels.Count; i++)
                {
                    labels.Set(extraLabels[i].Key, extraLabels[i].Value);
                }
            }

            return new MapNode()
                .Set("apiVersion", apiVersion)
                .Set("kind", kind)
                .Set("metadata", new MapNode()
                    .Set("name", name)
                    .Set("namespace", @namespace)
                    .Set("labels", labels));
        }
    }
}
