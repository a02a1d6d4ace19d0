namespace MeshAttributes.Core.Rules
{
    /// <summary>One rule violation: the id, how bad it is, a message that names the values involved and what to write instead, and where.</summary>
    public sealed record Finding(string Id, FindingSeverity Severity, string Message, FindingTarget Target);
}
