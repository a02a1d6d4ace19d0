using MeshAttributes.Testing.Routing;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>The RE2 check accepts what RE2 reads as .NET does and rejects the rest, so a .NET run of a regex proves Envoy's.</summary>
public sealed class Re2SyntaxTests
{
    [Theory]
    [InlineData("(?i)/api/Payments/?")]
    [InlineData(@"(?i)/exports/[^/]+(?:\.[^/]+)?/?")]
    [InlineData("(?i)/orders/(?:%(?:0[9A-D]|20))*(?:[-+]|%2B)?[0-9]+(?:%(?:0[09A-D]|20))*/?")]
    [InlineData(@"(?i)/lit/(?:\{|%7B)braces(?:\}|%7D)/?")]
    [InlineData(@"(?P<name>a)|(?<other>b)|\Aa\z|[]a]|[^]a]|\pL|\x41|a{2,1000}|(?s:.)")]
    public void Accepts_re2(string pattern) => Assert.Null(Re2Syntax.Problem(pattern));

    [Theory]
    [InlineData("a(?=b)", "lookahead")]
    [InlineData("a(?!b)", "lookahead")]
    [InlineData("(?<=a)b", "lookbehind")]
    [InlineData("(?<!a)b", "lookbehind")]
    [InlineData("(a)\\1", "escape")]
    [InlineData("(?<n>a)\\k<n>", "escape")]
    [InlineData("(?>a+)", "atomic")]
    [InlineData("a*+", "possessive")]
    [InlineData("a{2}+", "possessive")]
    [InlineData("a\\Z", "escape")]
    [InlineData("\\d+", "escape")]
    [InlineData("\\w", "escape")]
    [InlineData("a\\b", "escape")]
    [InlineData("(?x) a", "flag")]
    [InlineData("(?(a)b|c)", "conditional")]
    [InlineData("a{1001}", "1000")]
    [InlineData("[[:alpha:]]", "POSIX")]
    [InlineData("[a", "unclosed")]
    public void Rejects_what_re2_lacks_or_reads_differently(string pattern, string problem) =>
        Assert.Contains(problem, Re2Syntax.Problem(pattern));
}
