using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Rules;

namespace MeshAttributes.Generators
{
    /// <summary>
    /// Joins the declared services with the project's endpoints and the MSBuild defaults into one complete
    /// model per service. Endpoints belong to the assembly's own service; <c>[MeshService]</c> classes describe
    /// services written elsewhere and have none.
    /// </summary>
    internal static class ServiceModelBuilder
    {
        public static ImmutableArray<ServiceModel> Build(
            ImmutableArray<DeclaredService> services,
            ImmutableArray<EquatableArray<EndpointSpec>> endpoints,
            GeneratorOptions options)
        {
            var ownEndpoints = endpoints.SelectMany(e => e)
                .Distinct()
                .OrderBy(e => e.DisplayName, StringComparer.Ordinal)
                .ThenBy(e => e.RouteTemplate, StringComparer.Ordinal)
                .ThenBy(e => string.Join(",", e.Methods), StringComparer.Ordinal)
                .ToEquatableArray();
            // One model per name: a name declared twice renders nothing but the error, once.
            var models = new List<ServiceModel>();
            foreach (var group in services.GroupBy(s => s.Spec.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                DeclaredService declared = group.OrderBy(s => s.IsAssembly ? 0 : 1).First();
                ServiceSpec spec = options.ApplyTo(declared.Spec) with
                {
                    Endpoints = declared.IsAssembly ? ownEndpoints : EquatableArray<EndpointSpec>.Empty,
                };
                models.Add(new ServiceModel(spec, group.Count()));
            }

            return models.ToImmutableArray();
        }
    }
}
