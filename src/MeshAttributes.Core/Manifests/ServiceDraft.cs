using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Manifests
{
    /// <summary>One service's parts while its resources are read, each from the kind of resource that carries it.</summary>
    internal sealed class ServiceDraft
    {
        public ServiceDraft(string name, string @namespace)
        {
            Name = name;
            Namespace = @namespace;
        }

        public string Name { get; }

        public string Namespace { get; }

        public ManifestLocations Locations { get; } = new();

        /// <summary>Kinds already read for the service; a second resource of a kind is reported, not merged.</summary>
        public HashSet<string> Kinds { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Whether the VirtualService's default route (its first route without a match) has been read.</summary>
        public bool HasDefaultRoute { get; set; }

        public int? Port { get; set; }

        public CircuitBreakerSpec? CircuitBreaker { get; set; }

        public ConnectionPoolSpec? ConnectionPool { get; set; }

        public LoadBalancerSpec? LoadBalancer { get; set; }

        public RetryBudgetSpec? RetryBudget { get; set; }

        public MutualTlsSpec? MutualTls { get; set; }

        public RetrySpec? Retry { get; set; }

        public TimeoutSpec? Timeout { get; set; }

        public List<EndpointSpec> Endpoints { get; } = new();

        public List<DependencySpec> DependsOn { get; } = new();

        public List<CallerSpec> AllowCallers { get; } = new();

        public List<InAppRetrySpec> InAppRetries { get; } = new();

        public CallerAdmission? Admission { get; set; }

        /// <summary>The account its pods run as, from <see cref="Resources.ResourceMetadata.ServiceAccountAnnotation"/>; null when no resource names one.</summary>
        public string? ServiceAccount { get; set; }

        public MeshService ToService() => new(
            new ServiceSpec(
                Name,
                Namespace,
                Port,
                CircuitBreaker,
                ConnectionPool,
                LoadBalancer,
                RetryBudget,
                MutualTls,
                Retry,
                Timeout,
                DependsOn.ToEquatableArray(),
                AllowCallers.ToEquatableArray(),
                null,
                Endpoints.ToEquatableArray(),
                ServiceAccount),
            ServiceAccount ?? Name,
            InAppRetries,
            Admission,
            Locations);
    }
}
