using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Cel;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>Every distinct expression of the listing, held and broken once, with the answer Kubernetes gives.</summary>
public sealed class CelRuleSemanticsTests
{
    public static readonly TheoryData<string, string, bool> Cases = new()
    {
        { "duration(self) >= duration('1ms')", "\"1ms\"", true },
        { "duration(self) >= duration('1ms')", "\"999us\"", false },
        { "self.all(key, !key.contains(\"*\"))", """{"app":"x"}""", true },
        { "self.all(key, !key.contains(\"*\"))", """{"app*":"x"}""", false },
        { "self.all(key, key.size() != 0)", """{"app":"x"}""", true },
        { "self.all(key, key.size() != 0)", """{"":"x"}""", false },
        { "!self.contains(\"*\")", "\"v1\"", true },
        { "!self.contains(\"*\")", "\"v*\"", false },
        { "(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1", """{"credentialNames":[]}""", true },
        { "(has(self.tlsCertificates) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1", """{"credentialNames":[],"tlsCertificates":[]}""", false },
        { "(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1", """{"credentialName":"a"}""", true },
        { "(has(self.credentialName) ? 1 : 0) + (has(self.credentialNames) ? 1 : 0) <= 1", """{"credentialName":"","credentialNames":["a"]}""", false },
        { "(has(self.credentialNames) ? 1 : 0) + (has(self.tlsCertificates) ? 1 : 0) <= 1", "{}", true },
        { "(has(self.credentialNames) ? 1 : 0) + (has(self.tlsCertificates) ? 1 : 0) <= 1", """{"credentialNames":["a"],"tlsCertificates":[{}]}""", false },
        { "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1", """{"endpoints":[]}""", true },
        { "(has(self.workloadSelector) ? 1 : 0) + (has(self.endpoints) ? 1 : 0) <= 1", """{"workloadSelector":{},"endpoints":[]}""", false },
        { "!((has(self.addresses) ? self.addresses : []).exists(k, k.contains(\"/\")) && !((has(self.resolution) ? self.resolution : \"NONE\") in [\"STATIC\", \"NONE\"]))", """{"addresses":["10.0.0.0/8"]}""", true },
        { "!((has(self.addresses) ? self.addresses : []).exists(k, k.contains(\"/\")) && !((has(self.resolution) ? self.resolution : \"NONE\") in [\"STATIC\", \"NONE\"]))", """{"addresses":["10.0.0.0/8"],"resolution":"DNS"}""", false },
        { "((has(self.resolution) ? self.resolution : \"NONE\") == \"NONE\") ? !has(self.endpoints) : true", """{"resolution":"STATIC","endpoints":[]}""", true },
        { "((has(self.resolution) ? self.resolution : \"NONE\") == \"NONE\") ? !has(self.endpoints) : true", """{"endpoints":[]}""", false },
        { "((has(self.resolution) ? self.resolution : \"\") == \"DNS_ROUND_ROBIN\") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true", """{"resolution":"DNS_ROUND_ROBIN","endpoints":[{}]}""", true },
        { "((has(self.resolution) ? self.resolution : \"\") == \"DNS_ROUND_ROBIN\") ? ((has(self.endpoints) ? self.endpoints : []).size() <= 1) : true", """{"resolution":"DNS_ROUND_ROBIN","endpoints":[{},{}]}""", false },
        { "has(self.address) || has(self.network)", """{"network":""}""", true },
        { "has(self.address) || has(self.network)", """{"ports":{}}""", false },
        { "(has(self.address) ? self.address : \"\").startsWith(\"unix://\") ? !has(self.ports) : true", """{"address":"10.0.0.1","ports":{"http":80}}""", true },
        { "(has(self.address) ? self.address : \"\").startsWith(\"unix://\") ? !has(self.ports) : true", """{"address":"unix:///a","ports":{}}""", false },
        { "self.startsWith(\"unix://\") ? (self.substring(7, 8) == \"/\" || self.substring(7, 8) == \"@\") : true", "\"unix:///a\"", true },
        { "self.startsWith(\"unix://\") ? (self.substring(7, 8) == \"/\" || self.substring(7, 8) == \"@\") : true", "\"unix://a\"", false },
        { "self.startsWith(\"unix://\") ? !self.endsWith(\"/\") : true", "\"unix:///a\"", true },
        { "self.startsWith(\"unix://\") ? !self.endsWith(\"/\") : true", "\"unix:///a/\"", false },
        { "self.all(key, size(key) < 63 && key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))", """{"http-web":80}""", true },
        { "self.all(key, size(key) < 63 && key.matches(\"^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$\"))", """{"http_web":80}""", false },
        { "0 < self && self <= 65535", "65535", true },
        { "0 < self && self <= 65535", "0", false },
        { "self != \"*\"", "\"a.example\"", true },
        { "self != \"*\"", "\"*\"", false },
        { "self.all(l1, self.exists_one(l2, l1.number == l2.number))", """[{"number":80},{"number":443}]""", true },
        { "self.all(l1, self.exists_one(l2, l1.number == l2.number))", """[{"number":80},{"number":80}]""", false },
        { "(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1", """{"targetRefs":[]}""", true },
        { "(has(self.selector) ? 1 : 0) + (has(self.targetRef) ? 1 : 0) + (has(self.targetRefs) ? 1 : 0) <= 1", """{"selector":{},"targetRef":{}}""", false },
        { "(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) &&\n!has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true", """{"serviceAccounts":["a"]}""", true },
        { "(has(self.serviceAccounts) || has(self.notServiceAccounts)) ? (!has(self.principals) &&\n!has(self.notPrincipals) && !has(self.namespaces) && !has(self.notNamespaces)) : true", """{"serviceAccounts":["a"],"namespaces":[]}""", false },
        { "self.size() == 0", "\"\"", true },
        { "self.size() == 0", "\"other\"", false },
        { "has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true", """{"portLevelMtls":{"8080":{}},"selector":{"matchLabels":{"app":"a"}}}""", true },
        { "has(self.portLevelMtls) ? (((has(self.selector) && has(self.selector.matchLabels)) ? self.selector.matchLabels : {}).size() > 0) : true", """{"portLevelMtls":{"8080":{}},"selector":{}}""", false },
        { "self.all(key, 0 < int(key) && int(key) <= 65535)", """{"8080":{}}""", true },
        { "self.all(key, 0 < int(key) && int(key) <= 65535)", """{"65536":{}}""", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_expression_gives_the_Kubernetes_answer(string expression, string self, bool holds)
    {
        var rule = new CelRule("test", ".spec", expression, "the message");

        var failure = new CelRuleEvaluator().Check(rule, JsonNode.Parse(self)!);

        Assert.Equal(holds, failure is null);
    }

    [Theory]
    [InlineData("self.all(key, 0 < int(key) && int(key) <= 65535)", """{"http":{}}""")]
    [InlineData("duration(self) >= duration('1ms')", "\"1d\"")]
    [InlineData("self.startsWith(\"unix://\") ? (self.substring(7, 8) == \"/\" || self.substring(7, 8) == \"@\") : true", "\"unix://\"")]
    public void An_evaluation_error_is_a_violation_not_a_pass(string expression, string self)
    {
        var failure = new CelRuleEvaluator().Check(new CelRule("test", ".spec", expression, "the message"), JsonNode.Parse(self)!);

        Assert.NotNull(failure);
        Assert.EndsWith("the message", failure, System.StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_cases_cover_every_distinct_expression_of_the_listing()
    {
        var covered = Cases.Select(c => (string)c[0]).ToHashSet();

        var missing = TestValidator.Get().CelRules.Select(r => r.Expression).Where(e => !covered.Contains(e)).Distinct();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_case_holds_once_and_fails_once()
    {
        var byExpression = Cases.GroupBy(c => (string)c[0]).ToDictionary(g => g.Key, g => g.Select(c => (bool)c[2]).Order().ToArray());

        Assert.All(byExpression.Values, answers => Assert.Equal(new List<bool> { false, true }, answers));
    }
}
