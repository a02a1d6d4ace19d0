using ECommerce.Shared;
using InventoryService;
using MeshAttributes;

// inventory-service: stock levels (controller, api/products) and reservations (minimal API, /reservations).
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IdempotencyStore>();
builder.Services.AddSingleton<InventoryStore>();

var app = builder.Build();

app.MapControllers();
app.MapHealthChecks("/healthz");

var reservations = app.MapGroup("/reservations");

// POST /reservations holds stock for an order: running it twice would hold the stock twice. It is
// [Idempotent] because it really is: it requires an Idempotency-Key and answers a repeated key with the
// first answer. inventory-service declares no [Retry] (the case study gives it no VirtualService), so only
// Istio's default retries apply to it, and those retry only requests that never reached the app. The
// replays come from checkout-service instead: a failed order is retried with the same key, checkout passes
// "<key>:reserve" here, and the retry gets the first reservation back instead of a second one.
reservations.MapPost("", [Idempotent] (
        ReserveStockRequest body, HttpRequest request, IdempotencyStore idempotency, InventoryStore inventory) =>
    idempotency.ExecuteAsync(request, "reservations", body, _ => Task.FromResult(Reserve(inventory, body))));

reservations.MapGet("/{id}", (Guid id, InventoryStore inventory) =>
    inventory.FindReservation(id) is { } reservation ? Results.Ok(reservation) : Results.NotFound());

// DELETE is idempotent (RFC 9110): releasing twice leaves the same state.
reservations.MapDelete("/{id}", (Guid id, InventoryStore inventory) =>
    inventory.Release(id) ? Results.NoContent() : Results.NotFound());

app.Run();

static StoredResponse Reserve(InventoryStore inventory, ReserveStockRequest body)
{
    if (body.Lines is not { Count: > 0 } || body.Lines.Any(line => line.Quantity <= 0))
    {
        return StoredResponse.Problem(
            StatusCodes.Status400BadRequest, "A reservation needs lines with a quantity of 1 or more.");
    }

    var (reservation, error) = inventory.Reserve(body.Lines);
    return reservation is not null
        ? StoredResponse.Json(StatusCodes.Status201Created, reservation, $"/reservations/{reservation.Id}")
        : StoredResponse.Problem(StatusCodes.Status422UnprocessableEntity, "Not enough stock.", error);
}
