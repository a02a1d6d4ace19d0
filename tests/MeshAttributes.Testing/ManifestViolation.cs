namespace MeshAttributes.Testing;

/// <summary>One reason a manifest would be refused (or misread) by the cluster.</summary>
/// <param name="Document">1-based index of the <c>---</c> document (0 when the text is not YAML at all).</param>
/// <param name="Resource">What the document declares, e.g. <c>networking.istio.io/v1 DestinationRule checkout-service</c>.</param>
/// <param name="Path">Field path as the API server writes it, e.g. <c>spec.http[0].timeout</c>; <c>(root)</c> for the whole document.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Check">Which check found it: <c>yaml</c>, <c>schema</c>, <c>cel</c>, <c>metadata</c> or <c>configmap</c>.</param>
public sealed record ManifestViolation(int Document, string Resource, string Path, string Message, string Check)
{
    /// <inheritdoc/>
    public override string ToString() => $"document {Document} ({Resource}) {Path}: {Message} [{Check}]";
}
