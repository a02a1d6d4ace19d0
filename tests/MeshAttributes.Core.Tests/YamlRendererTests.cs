using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Documents;
using MeshAttributes.Core.Rendering;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshAttributes.Core.Tests
{
    /// <summary>
    /// The YAML writer is our own, so these tests prove it against a real parser (YamlDotNet) for every kind of
    /// string a user can type: each value reads back as exactly the same string, and a value written plain
    /// is never one that a YAML 1.1 or 1.2 reader would take for a number, boolean, null or date.
    /// </summary>
    public class YamlRendererTests
    {
        // Transcribed independently from the YAML 1.1 type repository (bool, null, int, float, timestamp)
        // and the YAML 1.2 core schema.
        private static readonly Regex[] NonStringPlainScalars =
        {
            new(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
            new(@"^(~|null|Null|NULL)$"),
            new(@"^[-+]?0b[0-1_]+$"),
            new(@"^[-+]?0[0-7_]+$"),
            new(@"^[-+]?(0|[1-9][0-9_]*)$"),
            new(@"^[-+]?0x[0-9a-fA-F_]+$"),
            new(@"^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$"),
            new(@"^[-+]?([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?$"),
            new(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$"),
            new(@"^[-+]?\.(inf|Inf|INF)$"),
            new(@"^\.(nan|NaN|NAN)$"),
            new(@"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"),
            new(@"^[-+]?[0-9]+$"),
            new(@"^0o[0-7]+$"),
            new(@"^0x[0-9a-fA-F]+$"),
            new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"),
        };

        public static IEnumerable<object[]> TrickyStrings() => new[]
        {
            "", " ", "  leading", "trailing ", "true", "False", "yes", "NO", "on", "Off", "y", "n", "null", "~", "Null",
            "0", "007", "1_000", "0x1F", "0o17", "0b101", "1e5", "1.5", ".5", "1.", "10.0.1", ".inf", "-.inf", ".NaN",
            "2024-01-01", "2024-1-1", "1:20", "5xx", "10s", "250ms", "1h30m", "5xx,reset,connect-failure",
            "a: b", "a #b", "#comment", "- item", "-", "--", "---", "...", "? key", ": x", "[list]", "{map}", "&anchor",
            "*alias", "!tag", "|", ">", "%directive", "@at", "`tick", "\"quoted\"", "'single'", "back\\slash",
            "line\nbreak", "\n", "tab\there", "cr\rhere", "nul\0here", "bell\u0007", "del\u007f", "c1\u0085next",
            "ls\u2028ps\u2029", "bom\uFEFF", "é ü ñ 中文 🚀", "https://runbooks.example/a?b=c&d=e#frag",
            "/orders/[^/]+", "^/api/.*$", "multi\nline\n", "multi\nline\n\n", "  \nindented first", "x\n  y",
        }.Select(s => new object[] { s });

        [Theory]
        [MemberData(nameof(TrickyStrings))]
        public void Every_string_reads_back_unchanged_and_typed_as_a_string(string value) => AssertRoundTrips(value);

        [Fact]
        public void Random_strings_read_back_unchanged()
        {
            var random = new Random(20261127);
            const string alphabet = "abcXYZ019 -_.,:#&*!|>'\"%@`?[]{}\\/\t\n\r~+=é中🚀\u0085\u2028\u00a0";
            for (int i = 0; i < 3000; i++)
            {
                var sb = new StringBuilder();
                int length = random.Next(0, 12);
                var elements = System.Globalization.StringInfo.GetTextElementEnumerator(alphabet);
                var pieces = new List<string>();
                while (elements.MoveNext())
                {
                    pieces.Add((string)elements.Current);
                }

                for (int j = 0; j < length; j++)
                {
                    sb.Append(pieces[random.Next(pieces.Count)]);
                }

                AssertRoundTrips(sb.ToString());
            }
        }

        [Fact]
        public void A_lone_surrogate_is_written_as_the_replacement_character_instead_of_invalid_utf8()
        {
            string yaml = YamlRenderer.Render(new MapNode().Set("k", "a\uD800b"));
            Assert.Equal("a\uFFFDb", Parse(yaml).Children[new YamlScalarNode("k")].ToString());
        }

        [Fact]
        public void Numbers_and_booleans_stay_plain_and_typed()
        {
            string yaml = YamlRenderer.Render(new MapNode().Set("i", 42).Set("d", 25.5).Set("b", true));
            Assert.Equal("i: 42\nd: 25.5\nb: true\n", yaml);
        }

        [Fact]
        public void Nested_maps_and_sequences_use_block_style_with_indented_sequences()
        {
            var doc = new MapNode()
                .Set("spec", new MapNode()
                    .Set("hosts", new SequenceNode().Add("a"))
                    .Set("http", new SequenceNode().Add(new MapNode().Set("name", "x").Set("route", new SequenceNode().Add(new MapNode().Set("host", "a")))))
                    .Set("empty", new MapNode())
                    .Set("none", new SequenceNode()));

            Assert.Equal(
                "spec:\n  hosts:\n    - a\n  http:\n    - name: x\n      route:\n        - host: a\n  empty: {}\n  none: []\n",
                YamlRenderer.Render(doc));
        }

        [Fact]
        public void Multi_line_text_is_a_literal_block_with_the_right_chomping()
        {
            Assert.Equal("expr: |\n  a\n  b\n", YamlRenderer.Render(new MapNode().Set("expr", "a\nb\n")));
            Assert.Equal("expr: |-\n  a\n  b\n", YamlRenderer.Render(new MapNode().Set("expr", "a\nb")));
            Assert.Equal("expr: |+\n  a\n\n", YamlRenderer.Render(new MapNode().Set("expr", "a\n\n")));
        }

        private static void AssertRoundTrips(string value)
        {
            string yaml = YamlRenderer.Render(new MapNode()
                .Set("value", value)
                .Set("list", new SequenceNode().Add(value).Add(new MapNode().Set("nested", value))));
            YamlMappingNode root;
            try
            {
                root = Parse(yaml);
            }
            catch (YamlException e)
            {
                throw new Xunit.Sdk.XunitException($"{Show(value)} produced YAML a parser rejects ({e.Message}):\n{yaml}");
            }

            string expected = value.Replace("\uD800", "\uFFFD");
            var scalar = (YamlScalarNode)root.Children[new YamlScalarNode("value")];
            Assert.True(expected == scalar.Value, $"{Show(value)} read back as {Show(scalar.Value)} from:\n{yaml}");
            var list = (YamlSequenceNode)root.Children[new YamlScalarNode("list")];
            Assert.Equal(expected, ((YamlScalarNode)list.Children[0]).Value);
            Assert.Equal(expected, ((YamlScalarNode)((YamlMappingNode)list.Children[1]).Children[new YamlScalarNode("nested")]).Value);

            if (scalar.Style == ScalarStyle.Plain)
            {
                Assert.DoesNotContain(NonStringPlainScalars, r => r.IsMatch(value));
            }
        }

        private static YamlMappingNode Parse(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return (YamlMappingNode)stream.Documents.Single().RootNode;
        }

        private static string Show(string? s) => s is null ? "null" : "\"" + string.Concat(s.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:X4}" : c.ToString())) + "\"";
    }
}
