using System.Collections.Immutable;

namespace MeshAttributes.Core.Rules
{
    /// <summary>One rule violation: the id, how bad it is, a message that names the values involved and what to write instead, and where.</summary>
    public sealed record Finding(string Id, FindingSeverity Severity, string Message, FindingTarget Target)
    {
        /// <summary>
        /// Values a fix needs (keys in <see cref="FindingProperties"/>), e.g. the corrected <c>RetryOn</c>. The analyzers pass
        /// them on as the diagnostic's properties, so a code fix applies exactly what the message suggests.
        /// </summary>
        public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

        internal Finding With(string key, string? value) =>
            value is null ? this : this with { Properties = Properties.SetItem(key, value) };
    }
}
