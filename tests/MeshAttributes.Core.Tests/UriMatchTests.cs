using System.Text.RegularExpressions;
using MeshAttributes.Core.Resources;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    public class UriMatchTests
    {
        [Theory]
        [InlineData("orders", "exact", "/orders")]
        [InlineData("/orders/", "exact", "/orders")]
        [InlineData("~/orders", "exact", "/orders")]
        [InlineData("/", "exact", "/")]
        [InlineData("/v1.0/orders", "exact", "/v1.0/orders")]
        [InlineData("/orders/{id}", "regex", "/orders/[^/]+")]
        [InlineData("/orders/{id:int}", "regex", "/orders/[-+]?[0-9]+")]
        [InlineData("/orders/{id?}", "regex", "/orders(/[^/]+)?")]
        [InlineData("/files/{*path}", "regex", "/files(/.*)?")]
        [InlineData("/files/{**path}", "regex", "/files(/.*)?")]
        [InlineData("/v1.0/{id}.json", "regex", "/v1\\.0/[^/]+\\.json")]
        [InlineData("/lit/{{braces}}", "exact", "/lit/{braces}")]
        [InlineData("/lit/{{braces}}/{id}", "regex", "/lit/\\{braces\\}/[^/]+")]
        [InlineData("/a/x{id}y", "regex", "/a/x[^/]+y")]
        public void Templates_become_exact_or_regex_matches(string template, string kind, string value)
        {
            var match = UriMatch.FromTemplate(template);
            Assert.Equal(kind, match.Kind);
            Assert.Equal(value, match.Value);
        }

        [Theory]
        [InlineData("/", 0, 0, false)]
        [InlineData("/orders", 1, 1, false)]
        [InlineData("/api/v1/orders", 3, 3, false)]
        [InlineData("/orders/{id}", 1, 2, false)]
        [InlineData("/orders/{id}/items/{item:int}", 2, 4, false)]
        [InlineData("/lit/{{braces}}/more", 3, 3, false)]
        [InlineData("/files/{*path}", 1, 2, true)]
        [InlineData("/a/x{id}y/b", 2, 3, false)]
        public void Segments_are_counted_for_ordering_whatever_path_the_parser_takes(string template, int literal, int segments, bool catchAll)
        {
            // Plain paths and "{name}" segments skip the segment parser; the ordering keys must not notice.
            var match = UriMatch.FromTemplate(template);
            Assert.Equal((literal, segments, catchAll), (match.LiteralSegments, match.Segments, match.HasCatchAll));
        }

        [Theory]
        [InlineData("/orders/{id}", "/orders/42", true)]
        [InlineData("/orders/{id}", "/orders/42/items", false)]
        [InlineData("/orders/{id:int}", "/orders/abc", false)]
        [InlineData("/orders/{id?}", "/orders", true)]
        [InlineData("/files/{*path}", "/files/a/b/c", true)]
        [InlineData("/files/{*path}", "/files", true)]
        public void Regexes_match_whole_paths_as_envoy_does(string template, string path, bool matches)
        {
            // Envoy's safe_regex must match the whole path; .NET's engine agrees with RE2 on these patterns.
            string pattern = UriMatch.FromTemplate(template).Value;
            Assert.Equal(matches, Regex.IsMatch(path, "^(?:" + pattern + ")$"));
        }

        [Fact]
        public void Exact_paths_sort_before_templates_and_longer_literals_first()
        {
            var exact = UriMatch.FromTemplate("/orders/summary");
            var template = UriMatch.FromTemplate("/orders/{id}");
            var deeper = UriMatch.FromTemplate("/orders/{id}/items");
            var catchAll = UriMatch.FromTemplate("/orders/{*rest}");
            Assert.True(UriMatch.Specificity(exact, template) < 0);
            Assert.True(UriMatch.Specificity(deeper, template) < 0);
            Assert.True(UriMatch.Specificity(template, catchAll) < 0);
        }
    }
}
