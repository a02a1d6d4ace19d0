using System.Collections.Generic;
using MeshAttributes.Core.Documents;

namespace MeshAttributes.Core.Resources
{
    /// <summary>The <c>kustomization.yaml</c> that lets <c>kubectl apply -k</c> and GitOps tools take a service's folder as it is.</summary>
    public static class KustomizationBuilder
    {
        public const string FileName = "kustomization.yaml";

        public static Node Build(IEnumerable<string> resourceFiles)
        {
            var resources = new SequenceNode();
            foreach (string file in resourceFiles)
            {
                resources.Add(file);
            }

            return new MapNode()
                .Set("apiVersion", "kustomize.config.k8s.io/v1beta1")
                .Set("kind", "Kustomization")
                .Set("resources", resources);
        }
    }
}
