using System;
using System.IO;
using System.Linq;
using System.Reflection;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>Every descriptor is documented, linked, categorised and tracked; every rule id has a descriptor.</summary>
    public class DescriptorTests
    {
        public static TheoryData<string> Ids() => new(Descriptors.All.Select(d => d.Id));

        [Fact]
        public void Every_rule_id_has_exactly_one_descriptor()
        {
            var ids = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).OrderBy(x => x).ToArray();
            Assert.Equal(ids, Descriptors.All.Select(d => d.Id).OrderBy(x => x).ToArray());
        }

        [Theory]
        [MemberData(nameof(Ids))]
        public void Descriptor_has_doc_help_link_category_and_one_message_argument(string id)
        {
            DiagnosticDescriptor d = Descriptors.ForId(id);
            string doc = Path.Combine(AppContext.BaseDirectory, "rules", id + ".md");
            Assert.True(File.Exists(doc), $"docs/rules/{id}.md is missing");
            Assert.Contains(id, File.ReadAllText(doc));
            Assert.Equal($"https://github.com/meshattributes/meshattributes/blob/main/docs/rules/{id}.md", d.HelpLinkUri);
            Assert.StartsWith("MeshAttributes.", d.Category);
            Assert.Equal("{0}", d.MessageFormat.ToString());
            Assert.False(string.IsNullOrWhiteSpace(d.Title.ToString()));
            // MESH0xx: invalid values; MESH1xx-2xx: unsafe settings; MESH3xx: what was left out; MESH9xx: the generator's own failure.
            int number = int.Parse(id.Substring(4));
            DiagnosticSeverity expected = number < 100 || number >= 900 ? DiagnosticSeverity.Error : number < 300 ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;
            Assert.Equal(expected, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
        }

        [Fact]
        public void Only_the_whole_project_rules_are_tagged_compilation_end_so_every_other_id_shows_as_you_type()
        {
            // The IDE treats an id as build-only when a descriptor of it carries the tag.
            var tagged = Descriptors.All.Where(d => d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)).Select(d => d.Id);
            Assert.Equal(new[] { RuleIds.StackedRetries, RuleIds.AllowAnyWithDependencies }, tagged.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void Readme_table_lists_every_rule()
        {
            string readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "rules", "README.md"));
            foreach (DiagnosticDescriptor d in Descriptors.All)
            {
                Assert.Contains($"[{d.Id}]({d.Id}.md)", readme);
            }
        }
    }
}
