using System;
using System.Collections.Generic;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The mistakes a hand-written or generated DestinationRule can make, each caught with its path.</summary>
public sealed class DestinationRuleTests
{
    private const string Template = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: checkout-service
          namespace: default
        spec:
          host: checkout-service
          trafficPolicy:
            outlierDetection:
              consecutive5xxErrors: 3
              interval: INTERVAL
              baseEjectionTime: 30s
              maxEjectionPercent: MAX
        """;

    private const string OutlierDetection = "spec.trafficPolicy.outlierDetection";

    [SkippableFact]
    public void The_template_itself_is_valid()
    {
        Assert.Empty(Validate("10s", "50"));
    }

    [SkippableFact]
    public void An_unknown_field_fails_naming_its_path()
    {
        var yaml = Render("10s", "50").Replace("consecutive5xxErrors: 3", "consecutive5xx: 3", StringComparison.Ordinal);

        var violation = Assert.Single(TestValidator.Get().Validate(yaml));

        Assert.Contains($"{OutlierDetection}.consecutive5xx: unknown field \"consecutive5xx\"", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_zero_interval_fails_the_CEL_rule_with_its_message()
    {
        var violation = Assert.Single(Validate("0s", "50"));

        Assert.Contains($"{OutlierDetection}.interval: Invalid value: \"0s\": must be a valid duration greater than 1ms", violation, StringComparison.Ordinal);
        Assert.EndsWith("[cel]", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_duration_with_a_space_fails_as_Go_cannot_parse_it()
    {
        var violation = Assert.Single(Validate("10 s", "50"));

        Assert.Contains($"{OutlierDetection}.interval: Invalid value: \"10 s\": time: unknown unit \" s\" in duration \"10 s\" evaluating rule: must be a valid duration greater than 1ms", violation, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("+10s")]
    [InlineData("1.5ms")]
    [InlineData("1h30m")]
    [InlineData("1000us")]
    public void Durations_Go_accepts_pass(string interval)
    {
        Assert.Empty(Validate(interval, "50"));
    }

    [SkippableTheory]
    [InlineData("999us")]
    [InlineData("-1s")]
    [InlineData("\"10\"")]
    public void Durations_below_1ms_or_without_unit_fail(string interval)
    {
        Assert.Contains($"{OutlierDetection}.interval", Assert.Single(Validate(interval, "50")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_quoted_number_where_an_integer_is_wanted_fails()
    {
        var violations = Validate("10s", "\"50\"");

        Assert.Contains(violations, v => v.Contains($"{OutlierDetection}.maxEjectionPercent: Value is \"string\" but should be \"integer\"", StringComparison.Ordinal));
        // As the API server: CEL rules wait until the object is well typed.
        Assert.Contains(violations, v => v.Contains("some validation rules were not checked", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_plain_number_is_an_integer_but_a_plain_interval_number_is_not_a_string()
    {
        var violations = Validate("10", "50");

        Assert.Contains(violations, v => v.Contains($"{OutlierDetection}.interval: Value is \"integer\" but should be \"string\"", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void A_value_outside_an_enum_fails_listing_the_allowed_values()
    {
        var yaml = Render("10s", "50") + "\n    loadBalancer:\n      simple: LEAST_REQUESTS\n";

        var violation = Assert.Single(TestValidator.Get().Validate(yaml));

        Assert.Contains("spec.trafficPolicy.loadBalancer.simple: Invalid value: \"LEAST_REQUESTS\":", violation, StringComparison.Ordinal);
        Assert.Contains("\"ROUND_ROBIN\", \"LEAST_REQUEST\")", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void An_int32_out_of_range_fails()
    {
        Assert.Contains(Validate("10s", "4294967296"), v => v.Contains($"{OutlierDetection}.maxEjectionPercent", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Every_document_is_checked_and_numbered()
    {
        var yaml = Render("10s", "50") + "\n---\n" + Render("0s", "50");

        var violation = Assert.Single(TestValidator.Get().Check(yaml));

        Assert.Equal(2, violation.Document);
        Assert.Equal("networking.istio.io/v1 DestinationRule checkout-service", violation.Resource);
        Assert.Equal($"{OutlierDetection}.interval", violation.Path);
    }

    [SkippableFact]
    public void AssertValid_fails_listing_every_violation()
    {
        var yaml = Render("0s", "50").Replace("consecutive5xxErrors: 3", "consecutive5xxErrors: 3\n      bogus: 1", StringComparison.Ordinal)
            .Replace("  name: checkout-service", "  name: Checkout_Service", StringComparison.Ordinal);

        var validator = TestValidator.Get();

        var failure = Assert.Throws<Xunit.Sdk.FailException>(() => validator.AssertValid(yaml, "broken.yaml"));

        Assert.Contains("broken.yaml is not valid (3 violation(s))", failure.Message, StringComparison.Ordinal);
        Assert.Contains("metadata.name", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{OutlierDetection}.bogus", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{OutlierDetection}.interval", failure.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<string> Validate(string interval, string maxEjectionPercent) =>
        TestValidator.Get().Validate(Render(interval, maxEjectionPercent));

    private static string Render(string interval, string maxEjectionPercent) =>
        Template.Replace("INTERVAL", interval, StringComparison.Ordinal).Replace("MAX", maxEjectionPercent, StringComparison.Ordinal);
}
