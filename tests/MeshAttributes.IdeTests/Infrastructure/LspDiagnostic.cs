using System.Text.Json.Nodes;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>A diagnostic as the server reported it: rule id and range (shown 1-based, as an editor shows it).</summary>
    internal sealed record LspDiagnostic(string Id, LspPosition Start, LspPosition End)
    {
        public static LspDiagnostic From(JsonNode diagnostic) => new(
            diagnostic["code"]?.GetValue<string>() ?? string.Empty,
            Position(diagnostic["range"]!["start"]!),
            Position(diagnostic["range"]!["end"]!));

        public static LspDiagnostic Expected(string text, ExpectedDiagnostic expected) =>
            new(expected.Id, LspPosition.At(text, expected.Start), LspPosition.At(text, expected.End));

        public override string ToString() => $"{Id} {Start}-{End}";

        private static LspPosition Position(JsonNode position) =>
            new(position["line"]!.GetValue<int>(), position["character"]!.GetValue<int>());
    }
}
