using System;
using MeshAttributes.Generators.FrontEnd;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class KnownNamesTests
    {
        [Theory]
        [InlineData(KnownNames.MeshService, typeof(MeshServiceAttribute))]
        [InlineData(KnownNames.CircuitBreaker, typeof(CircuitBreakerAttribute))]
        [InlineData(KnownNames.ConnectionPool, typeof(ConnectionPoolAttribute))]
        [InlineData(KnownNames.LoadBalancer, typeof(LoadBalancerAttribute))]
        [InlineData(KnownNames.RetryBudget, typeof(RetryBudgetAttribute))]
        [InlineData(KnownNames.MutualTls, typeof(MutualTlsAttribute))]
        [InlineData(KnownNames.OutboundTrafficPolicy, typeof(OutboundTrafficPolicyAttribute))]
        [InlineData(KnownNames.Retry, typeof(RetryAttribute))]
        [InlineData(KnownNames.Timeout, typeof(TimeoutAttribute))]
        [InlineData(KnownNames.Idempotent, typeof(IdempotentAttribute))]
        [InlineData(KnownNames.DependsOn, typeof(DependsOnAttribute))]
        [InlineData(KnownNames.AllowCaller, typeof(AllowCallerAttribute))]
        [InlineData(KnownNames.Alerting, typeof(AlertingAttribute))]
        [InlineData(KnownNames.MeshManifest, typeof(MeshManifestAttribute))]
        [InlineData(KnownNames.MeshManifestError, typeof(MeshManifestErrorAttribute))]
        [InlineData(KnownNames.MeshPlatform, typeof(MeshPlatformAttribute))]
        [InlineData(KnownNames.InjectNamespace, typeof(InjectNamespaceAttribute))]
        public void Metadata_names_match_the_public_attribute_types(string constant, Type type)
        {
            Assert.Equal(type.FullName, constant);
            Assert.Equal(constant, KnownNames.Qualified(type.Name));
        }

        [Fact]
        public void The_generator_takes_names_from_the_attributes_assembly_without_loading_it() =>
            Assert.DoesNotContain(
                typeof(MeshManifestGenerator).Assembly.GetReferencedAssemblies(),
                a => a.Name == typeof(MeshServiceAttribute).Assembly.GetName().Name);

        [Fact]
        public void Qualifying_an_unknown_name_spells_it_out() =>
            Assert.Equal("MeshAttributes.SomethingElseAttribute", KnownNames.Qualified("SomethingElseAttribute"));
    }
}
