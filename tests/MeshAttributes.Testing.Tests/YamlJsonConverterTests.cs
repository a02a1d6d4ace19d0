using System.Linq;
using System.Text.Json.Nodes;
using MeshAttributes.Testing.Yaml;
using Xunit;
using YamlDotNet.Core;

namespace MeshAttributes.Testing.Tests;

/// <summary>YAML is read with the 1.2 core schema, and scalars kubectl's YAML 1.1 reader types differently are flagged.</summary>
public sealed class YamlJsonConverterTests
{
    [Fact]
    public void Plain_scalars_are_typed_and_quoted_ones_stay_strings()
    {
        var root = Read("""
            int: 50
            quoted: "50"
            single: '50'
            float: 10.0
            exponent: 1e3
            hex: 0x1F
            octal: 0o17
            bool: true
            null1: ~
            null2:
            string: 10s
            literal: |
              50
            tagged: !!str 50
            """);

        Assert.Equal("""{"int":50,"quoted":"50","single":"50","float":10,"exponent":1000,"hex":31,"octal":15,"bool":true,"null1":null,"null2":null,"string":"10s","literal":"50\n","tagged":"50"}""", root.ToJsonString());
        Assert.IsAssignableFrom<JsonValue>(root["float"]);
        Assert.True(root["float"]!.AsValue().TryGetValue<double>(out _));
        Assert.True(root["int"]!.AsValue().TryGetValue<long>(out _));
    }

    [Fact]
    public void Every_document_is_read_with_its_index()
    {
        var documents = YamlJsonConverter.Read("a: 1\n---\n---\nb: 2\n");

        Assert.Equal([1, 2, 3], documents.Select(d => d.Index));
        Assert.Null(documents[1].Root);
        Assert.Equal(2, (long)documents[2].Root!["b"]!);
    }

    [Theory]
    [InlineData("on", "the bool true")]
    [InlineData("No", "the bool false")]
    [InlineData("y", "the bool true")]
    [InlineData("0777", "an octal int")]
    [InlineData("1_000", "a number")]
    [InlineData("0b101", "a number")]
    public void Scalars_kubectl_reads_differently_are_flagged(string scalar, string kubectlReading)
    {
        var (path, message) = Assert.Single(YamlJsonConverter.Read($"metadata:\n  labels:\n    flag: {scalar}\n")[0].Problems);

        Assert.Equal("metadata.labels.flag", path);
        Assert.Contains($"{kubectlReading} to kubectl (YAML 1.1)", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_lookalikes_are_not_flagged()
    {
        Assert.Empty(YamlJsonConverter.Read("a: \"on\"\nb: '0777'\nc: true\n")[0].Problems);
    }

    [Fact]
    public void Duplicate_keys_are_an_error()
    {
        Assert.ThrowsAny<YamlException>(() => YamlJsonConverter.Read("a: 1\na: 2\n"));
    }

    [Fact]
    public void A_wrong_explicit_tag_is_an_error()
    {
        Assert.ThrowsAny<YamlException>(() => YamlJsonConverter.Read("a: !!int ten\n"));
    }

    private static JsonObject Read(string yaml) => YamlJsonConverter.Read(yaml).Single().Root!.AsObject();
}
