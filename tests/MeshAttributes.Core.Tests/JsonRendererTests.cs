using System.Text.Json;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Rendering;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    public class JsonRendererTests
    {
        [Theory]
        [InlineData("plain")]
        [InlineData("quote \" backslash \\ slash /")]
        [InlineData("control \u0001 \b \f \n \r \t")]
        [InlineData("ls\u2028ps\u2029 é 中 🚀")]
        [InlineData("")]
        public void Strings_round_trip_through_a_json_parser(string value)
        {
            string json = JsonRenderer.Render(new MapNode().Set("v", value).Set("n", 1.5).Set("i", 3).Set("b", false).Set("a", new SequenceNode().Add(value)));
            using var doc = JsonDocument.Parse(json);
            Assert.Equal(value, doc.RootElement.GetProperty("v").GetString());
            Assert.Equal(value, doc.RootElement.GetProperty("a")[0].GetString());
            Assert.Equal(1.5, doc.RootElement.GetProperty("n").GetDouble());
            Assert.Equal(3, doc.RootElement.GetProperty("i").GetInt32());
            Assert.False(doc.RootElement.GetProperty("b").GetBoolean());
        }

        [Fact]
        public void Output_is_indented_with_two_spaces_and_ends_with_a_newline()
        {
            Assert.Equal("{\n  \"a\": [\n    1\n  ],\n  \"e\": {}\n}\n", JsonRenderer.Render(new MapNode().Set("a", new SequenceNode().Add(ScalarNode.Number(1))).Set("e", new MapNode())));
        }
    }
}
