namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>The one place that builds a rule's <c>helpLinkUri</c>: its page under docs/rules.</summary>
    public static class HelpLinks
    {
        public const string RulesBase = "https://github.com/meshattributes/meshattributes/blob/main/docs/rules/";

        public static string For(string id) => RulesBase + id + ".md";
    }
}
