using System.IO;
using MeshAttributes.Testing;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The case study's hand-written manifests are what the cluster accepts: the validator must agree.</summary>
public sealed class SeedManifestTests
{
    [SkippableTheory]
    [InlineData("destination-rules.yaml")]
    [InlineData("payment-virtualservice.yaml")]
    public void Istio_seed_manifests_are_valid(string file)
    {
        var validator = TestValidator.Get();

        validator.AssertValid(ReadSeed(file), file);
    }

    [SkippableFact]
    public void Seed_prometheus_alerts_are_a_valid_PrometheusRule()
    {
        var validator = TestValidator.Get();

        Assert.Empty(validator.ValidatePrometheusRule(ReadSeed("prometheus-alerts.yaml")));
    }

    // The operator CRD has no file under schemas/json: the validator converts schemas/istio-operator's CRD,
    // whose schema preserves unknown fields, so only apiVersion, kind and metadata are really checked.
    [SkippableFact]
    public void Seed_istio_operator_is_valid_against_its_permissive_1_23_CRD()
    {
        var validator = TestValidator.Get();
        var yaml = ReadSeed("istio-operator.yaml");

        validator.AssertValid(yaml, "istio-operator.yaml");
        var wrongVersion = validator.Validate(yaml.Replace("install.istio.io/v1alpha1", "install.istio.io/v1", System.StringComparison.Ordinal));
        Assert.Contains(wrongVersion, v => v.Contains("no served version v1 (served: v1alpha1", System.StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_PrometheusRule_check_refuses_other_kinds()
    {
        var validator = TestValidator.Get();

        var violations = validator.ValidatePrometheusRule(ReadSeed("payment-virtualservice.yaml"));

        Assert.Contains("expected a PrometheusRule", Assert.Single(violations), System.StringComparison.Ordinal);
    }

    private static string ReadSeed(string file)
    {
        var folder = SharedFolder.RequireSchemasAndSeed();
        return File.ReadAllText(Path.Combine(folder.SeedDirectory!, "manifests", file));
    }
}
