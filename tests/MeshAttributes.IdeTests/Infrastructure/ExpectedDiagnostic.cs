namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>A rule id and the span of source text (character offsets) its diagnostic must cover.</summary>
    internal sealed record ExpectedDiagnostic(string Id, int Start, int End);
}
