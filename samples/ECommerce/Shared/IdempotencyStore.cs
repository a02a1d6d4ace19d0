using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace ECommerce.Shared;

/// <summary>
/// Honours the <c>Idempotency-Key</c> request header (IETF draft-ietf-httpapi-idempotency-key-header) for the
/// POST and PATCH endpoints the samples mark <c>[Idempotent]</c>. Linked into every service as source.
/// </summary>
/// <remarks>
/// <para>
/// Why it exists: a mesh retry on <c>5xx</c> or <c>reset</c> can replay a request the app already processed (the
/// first try committed, then its response was lost or came back as an error). <c>[Idempotent]</c> tells the
/// MeshAttributes analyzer (MESH100) that such a replay is safe; this class is what makes the claim true. The
/// first request with a key runs and its response is stored; a repeat with the same key and the same request
/// gets the stored response back (status, <c>Location</c>, body, plus <c>Idempotent-Replayed: true</c>) and
/// changes nothing.
/// </para>
/// <para>
/// Following the IETF draft: no key, or more than one → 400; the same key with a different request → 422; the
/// same key while the first request still runs → 409. Envoy's <c>retriable-4xx</c> retries exactly 409, so a mesh
/// retry that overtakes a slow first try backs off and then gets the replay.
/// </para>
/// <para>
/// Only settled outcomes are stored (2xx, 4xx). A 5xx or an exception forgets the key so that a retry runs the
/// operation again; handlers must leave nothing behind that a second run would duplicate.
/// </para>
/// <para>
/// Sample limits: the store is this process's memory, entries live 24 hours. With more than one replica it must
/// be shared (Redis, the service's database): Istio sends a retry to a different host than the one that failed
/// (Envoy's <c>previous_hosts</c> retry predicate), and a per-pod store would not know the first try.
/// </para>
/// </remarks>
public sealed class IdempotencyStore(TimeProvider time)
{
    /// <summary>The request header carrying the client's key.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The response header marking a replayed response.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    private const int MaxKeyLength = 255;
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _nextSweepTicks;

    /// <summary>
    /// Runs <paramref name="handler"/> once per key: the first time, or again after it failed with a 5xx or an
    /// exception. Any other request with the key gets the stored response, a 409 or a 422.
    /// </summary>
    /// <param name="request">The request whose <c>Idempotency-Key</c> header is read.</param>
    /// <param name="scope">Separates endpoints, so that one key used on two endpoints means two operations.</param>
    /// <param name="body">What identifies the operation (body and route values); a repeat must send the same.</param>
    /// <param name="handler">The operation; it gets the key, to derive keys for the calls it makes downstream.</param>
    public async Task<IResult> ExecuteAsync<TRequest>(
        HttpRequest request, string scope, TRequest body, Func<string, Task<StoredResponse>> handler)
    {
        var values = request.Headers[HeaderName];
        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"Send one {HeaderName} header of 1 to {MaxKeyLength} characters.",
                detail: "The mesh may replay this request; the key is how the service recognises the replay.");
        }

        var now = time.GetUtcNow();
        SweepExpired(now);
        var fingerprint = Fingerprint(body);
        var storeKey = scope + "|" + key;
        var mine = new Entry(fingerprint, now);

        Entry entry;
        while (true)
        {
            entry = _entries.GetOrAdd(storeKey, mine);
            if (ReferenceEquals(entry, mine) || !entry.IsExpired(now))
            {
                break;
            }

            _entries.TryRemove(new KeyValuePair<string, Entry>(storeKey, entry));
        }

        if (!ReferenceEquals(entry, mine))
        {
            if (entry.Fingerprint != fingerprint)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: $"This {HeaderName} was already used for a different request.",
                    detail: "Use a new key for a new operation.");
            }

            return entry.Response is { } stored
                ? stored.AsReplay()
                : Results.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: $"A request with this {HeaderName} is still being processed.",
                    detail: "Retry shortly to get its response.");
        }

        StoredResponse response;
        try
        {
            response = await handler(key);
        }
        catch
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(storeKey, mine));
            throw;
        }

        if (response.StatusCode >= StatusCodes.Status500InternalServerError)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(storeKey, mine));
        }
        else
        {
            mine.Response = response;
        }

        return response;
    }

    private static string Fingerprint<TRequest>(TRequest body) =>
        Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web)));

    private void SweepExpired(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due
            || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var pair in _entries)
        {
            if (pair.Value.IsExpired(now))
            {
                _entries.TryRemove(pair);
            }
        }
    }

    private sealed class Entry(string fingerprint, DateTimeOffset createdAt)
    {
        private StoredResponse? _response;

        public string Fingerprint { get; } = fingerprint;

        public StoredResponse? Response
        {
            get => Volatile.Read(ref _response);
            set => Volatile.Write(ref _response, value);
        }

        // An entry still in flight never expires: its owner removes or completes it.
        public bool IsExpired(DateTimeOffset now) => Response is not null && now - createdAt > Retention;
    }
}

/// <summary>
/// A response as <see cref="IdempotencyStore"/> keeps it: status, optional <c>Location</c> and a JSON body
/// serialized once, so that a replay is byte for byte the original.
/// </summary>
public sealed class StoredResponse : IResult
{
    private readonly byte[] _body;

    private StoredResponse(int statusCode, string contentType, byte[] body, string? location, bool replayed)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        _body = body;
        Location = location;
        Replayed = replayed;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The <c>Content-Type</c>.</summary>
    public string ContentType { get; }

    /// <summary>The <c>Location</c> header, if any.</summary>
    public string? Location { get; }

    /// <summary>Whether this is a replay of a stored response.</summary>
    public bool Replayed { get; }

    /// <summary>A JSON response.</summary>
    public static StoredResponse Json<T>(int statusCode, T body, string? location = null) =>
        new(statusCode, "application/json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web), location, replayed: false);

    /// <summary>An RFC 9457 problem response.</summary>
    public static StoredResponse Problem(int statusCode, string title, string? detail = null) =>
        new(statusCode, "application/problem+json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(
                new ProblemDetails { Status = statusCode, Title = title, Detail = detail }, JsonSerializerOptions.Web),
            location: null, replayed: false);

    internal StoredResponse AsReplay() => new(StatusCode, ContentType, _body, Location, replayed: true);

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = _body.Length;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Replayed)
        {
            response.Headers[IdempotencyStore.ReplayedHeaderName] = "true";
        }

        await response.Body.WriteAsync(_body, httpContext.RequestAborted);
    }
}
