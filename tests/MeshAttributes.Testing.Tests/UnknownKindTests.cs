using System;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>What the validator has no schema for fails loudly: passing it would hide a typo.</summary>
public sealed class UnknownKindTests
{
    [SkippableFact]
    public void An_unserved_version_of_a_known_kind_fails_listing_the_served_ones()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("""
            apiVersion: networking.istio.io/v2
            kind: DestinationRule
            metadata:
              name: checkout-service
            spec:
              host: checkout-service
            """));

        Assert.Contains("DestinationRule in networking.istio.io has no served version v2 (served: v1, v1alpha3, v1beta1", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_unknown_kind_fails_naming_the_schema_it_looked_for()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("""
            apiVersion: networking.istio.io/v1
            kind: CircuitBreaker
            metadata:
              name: checkout-service
            spec: {}
            """));

        Assert.Contains("no schema for apiVersion networking.istio.io/v1 kind CircuitBreaker: neither json/networking.istio.io/circuitbreaker_v1.json nor a CRD", violation, StringComparison.Ordinal);
        Assert.Contains("DestinationRule", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_core_kind_other_than_ConfigMap_fails()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("""
            apiVersion: v1
            kind: Service
            metadata:
              name: checkout-service
            spec: {}
            """));

        Assert.Contains("no schema for apiVersion v1 kind Service", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_document_without_apiVersion_or_kind_fails()
    {
        Assert.Contains("apiVersion and kind are required", Assert.Single(TestValidator.Get().Validate("metadata:\n  name: x\n")), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n")]
    public void Text_without_any_document_fails(string yaml)
    {
        Assert.Contains("no Kubernetes document", Assert.Single(TestValidator.Get().Validate(yaml)), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Malformed_YAML_fails_with_its_position()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("apiVersion: v1\nkind: [ConfigMap\n"));

        Assert.Contains("[yaml]", violation, StringComparison.Ordinal);
        Assert.Contains("line ", violation, StringComparison.Ordinal);
    }
}
