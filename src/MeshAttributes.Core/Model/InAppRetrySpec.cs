namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// A retry the application itself makes on an outbound HttpClient (e.g. <c>AddStandardResilienceHandler</c>, a Polly
    /// retry), as found in source. Holds no Roslyn object.
    /// </summary>
    /// <param name="Mechanism">How the code adds it, e.g. <c>AddStandardResilienceHandler</c>.</param>
    /// <param name="Target">The service the client calls — its name or its BaseAddress host — or <c>*</c> for every client (<c>ConfigureHttpClientDefaults</c>); null when unknown.</param>
    /// <param name="Retries">Retries after the first try (the library default when the code does not say).</param>
    /// <param name="Exact">False when the count could not be read and <paramref name="Retries"/> is a lower bound.</param>
    public sealed record InAppRetrySpec(string Mechanism, string? Target, int Retries, bool Exact);
}
