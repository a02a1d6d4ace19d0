using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Cel;
using MeshAttributes.Testing.Schemas;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The CEL rule listing is read whole, agrees with the schemas, and its rules evaluate as Kubernetes does.</summary>
public sealed class CelRuleTests
{
    private static readonly string[] ListedCrds =
    [
        "destinationrules.networking.istio.io", "virtualservices.networking.istio.io", "sidecars.networking.istio.io",
        "serviceentries.networking.istio.io", "authorizationpolicies.security.istio.io", "peerauthentications.security.istio.io",
    ];

    [SkippableFact]
    public void The_listing_has_every_rule_of_the_six_CRDs_it_covers()
    {
        var validator = TestValidator.Get();

        Assert.Equal(86, validator.CelRules.Count);
        Assert.Equal(ListedCrds, validator.CelRules.Select(r => r.Crd).Distinct());
        Assert.Equal(39, validator.CelRules.Count(r => r.Crd == ListedCrds[0]));
        Assert.Contains(validator.CelRules, r => r.Expression.Contains("&&\n!has(self.notPrincipals)", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Every_listed_rule_is_one_this_validator_can_evaluate()
    {
        Assert.All(TestValidator.Get().CelRules, rule => Assert.Empty(rule.UnsupportedFunctions));
    }

    [SkippableTheory]
    [InlineData("destinationrule", "networking.istio.io", 0)]
    [InlineData("virtualservice", "networking.istio.io", 1)]
    [InlineData("sidecar", "networking.istio.io", 2)]
    [InlineData("serviceentry", "networking.istio.io", 3)]
    [InlineData("authorizationpolicy", "security.istio.io", 4)]
    [InlineData("peerauthentication", "security.istio.io", 5)]
    public void The_listing_matches_the_rules_every_served_version_carries(string kind, string group, int crd)
    {
        // The listing was taken from the v1 schemas; the validator applies it to every version of the kind.
        var validator = TestValidator.Get();
        var listed = validator.CelRules.Where(r => r.Crd == ListedCrds[crd]).Select(r => r.ToString()).Order().ToArray();
        var files = Directory.GetFiles(Path.Combine(validator.SchemasDirectory, "json", group), $"{kind}_*.json");

        Assert.Equal(kind == "peerauthentication" || kind == "authorizationpolicy" ? 2 : 3, files.Length);
        foreach (var file in files)
        {
            var schema = KindSchema.Create(JsonNode.Parse(File.ReadAllText(file))!.AsObject(), file, ListedCrds[crd]);
            Assert.Equal(listed, schema.SchemaRules.Select(r => r.ToString()).Order());
        }
    }

    [SkippableFact]
    public void Has_tests_presence_so_an_empty_portLevelMtls_still_needs_a_selector()
    {
        var violations = TestValidator.Get().Validate("""
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata:
              name: checkout-service
            spec:
              portLevelMtls: {}
            """);

        // The Cel package's own has() calls an empty map absent, and would let this through.
        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("spec: Invalid value: {\"portLevelMtls\":{}}: portLevelMtls requires selector", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("spec.portLevelMtls: Value should have at least 1 properties", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData("unix:///var/run/app.sock", null)]
    [InlineData("unix://@abstract", null)]
    [InlineData("unix://relative.sock", "UDS must be an absolute path or abstract socket")]
    [InlineData("unix://", "index out of range: 8 evaluating rule: UDS must be an absolute path or abstract socket")]
    [InlineData("unix:///var/run/", "UDS may not be a dir")]
    public void Substring_works_as_in_Kubernetes_strings_library(string address, string? expected)
    {
        var violations = TestValidator.Get().Validate($"""
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: local
            spec:
              hosts: [local.example]
              resolution: STATIC
              endpoints:
                - address: "{address}"
            """);

        if (expected is null)
        {
            Assert.Empty(violations);
        }
        else
        {
            Assert.Contains(violations, v => v.Contains("spec.endpoints[0].address: Invalid value: ", StringComparison.Ordinal) && v.Contains(expected, StringComparison.Ordinal));
        }
    }

    [SkippableFact]
    public void Map_values_and_keys_are_reached()
    {
        var violations = TestValidator.Get().Validate("""
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: checkout-service
            spec:
              host: checkout-service
              workloadSelector:
                matchLabels:
                  "app*": checkout
                  version: "v*"
            """);

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("spec.workloadSelector.matchLabels: Invalid value: {\"app*\":\"checkout\",\"version\":\"v*\"}: wildcard not allowed in label key match", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("spec.workloadSelector.matchLabels[version]: Invalid value: \"v*\": wildcard not allowed in label value match", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Rules_of_kinds_the_listing_omits_come_from_the_schema()
    {
        var violation = Assert.Single(TestValidator.Get().Validate("""
            apiVersion: telemetry.istio.io/v1
            kind: Telemetry
            metadata:
              name: mesh-default
            spec:
              metrics:
                - reportingInterval: 0s
            """));

        Assert.Contains("spec.metrics[0].reportingInterval: Invalid value: \"0s\": must be a valid duration greater than 1ms", violation, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_rule_the_validator_cannot_evaluate_throws_instead_of_passing()
    {
        var validator = TestValidator.Get();
        const string yaml = """
            apiVersion: extensions.istio.io/v1alpha1
            kind: WasmPlugin
            metadata:
              name: filter
            spec:
              url: oci://registry.example/filter:1
            """;

        var failure = Assert.Throws<NotSupportedException>(() => validator.Validate(yaml));

        Assert.Contains("isURL, url", failure.Message, StringComparison.Ordinal);
        Assert.Contains(".spec.url", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_functions_are_found_outside_string_literals_only()
    {
        Assert.Equal(["getScheme", "isURL", "url"], CelRuleEvaluator.UnsupportedFunctionsOf("isURL(self) ? url(self).getScheme() in ['lower(x)'] : false"));
        Assert.Empty(CelRuleEvaluator.UnsupportedFunctionsOf("duration(self) >= duration('1ms') && self.all(k, k.matches(\"lower(x)\"))"));
    }

    [Fact]
    public void Listing_lines_are_parsed_as_python_literals()
    {
        var rules = CelRuleListing.Parse("""
            == things.example.io
              .spec: 'a == "b" &&\nc' -- 'it\'s wrong'
              .spec.x[].y{}: "duration(self) >= duration('1ms')" -- "m"
            """, "test");

        Assert.Equal(new CelRule("things.example.io", ".spec", "a == \"b\" &&\nc", "it's wrong"), rules[0]);
        Assert.Equal(".spec.x[].y{}", rules[1].Path);
        Assert.Throws<FormatException>(() => CelRuleListing.Parse("  .spec: 'x' -- 'y'", "test"));
    }
}
