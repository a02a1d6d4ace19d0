using ECommerce.Shared;
using MeshAttributes;
using ShippingService;

// shipping-service: shipments (controller, api/shipments), label purchase and tracking (minimal APIs).
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IdempotencyStore>();
builder.Services.AddSingleton<ShipmentStore>();
builder.Services.AddSingleton<Carrier>();

var app = builder.Build();

app.MapControllers();
app.MapHealthChecks("/healthz");

// Buys the carrier label for a shipment. The carrier bills every label, so this POST must not be replayed
// once it reached the app: it does not inherit the service's retry on 5xx/reset but declares its own, limited
// to failures where the request never arrived (connect-failure, refused-stream, reset-before-request). The
// carrier is slow, so each try gets 3s and the route 10s: 3 tries x 3s + 2 x 250ms back-off = 9.5s.
app.MapPost("/api/shipments/{id}/label",
    [Retry(Attempts = 2, PerTryTimeout = "3s", RetryOn = "connect-failure,refused-stream,reset-before-request")]
    [Timeout("10s")]
    async (Guid id, ShipmentStore shipments, Carrier carrier, CancellationToken cancellationToken) =>
    {
        if (shipments.Find(id) is not { } shipment)
        {
            return Results.NotFound();
        }

        if (shipment.LabelUrl is not null)
        {
            return Results.Conflict(new { error = "The shipment already has a label.", shipment.LabelUrl });
        }

        var labelUrl = await carrier.BuyLabelAsync(shipment, cancellationToken);
        return shipments.TryAttachLabel(id, labelUrl, out var labelled)
            ? Results.Ok(labelled)
            : Results.Conflict(new { error = "A label was bought concurrently." });
    });

var tracking = app.MapGroup("/tracking");

// Tracking for checkout's order page, which a customer is waiting on: only a tighter [Timeout], stating the
// 4s that checkout can rely on. It keeps the service's [Retry] (2 x 1s on 5xx,reset,connect-failure; safe for
// a GET), which fits: 3 tries x 1s + 2 x 250ms back-off = 3.5s <= 4s.
tracking.MapGet("/{trackingNumber}", [Timeout("4s")] async (
        string trackingNumber, ShipmentStore shipments, Carrier carrier, CancellationToken cancellationToken) =>
    shipments.FindByTrackingNumber(trackingNumber) is { } shipment
        ? Results.Ok(await carrier.TrackAsync(shipment, cancellationToken))
        : Results.NotFound());

app.Run();
