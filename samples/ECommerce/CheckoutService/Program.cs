using CheckoutService;
using ECommerce.Shared;
using MeshAttributes;

// checkout-service: carts (controller, api/carts) and orders (minimal API, /orders). It calls
// inventory-service, payment-service and shipping-service (see MeshPolicy.cs, [DependsOn]).
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IdempotencyStore>();
builder.Services.AddSingleton<CartStore>();
builder.Services.AddSingleton<OrderStore>();
builder.Services.AddScoped<OrderWorkflow>();

// Downstream services by mesh name, no retry handlers (see Downstream.cs). HttpClient.Timeout is only a
// backstop, longer than any downstream route timeout (payment 10s, shipping 10s at most), so that the mesh's
// timeout - which budgets its retries - is the one that fires. "Services:<name>" overrides an address for
// running outside the mesh, e.g. --Services:inventory-service=http://127.0.0.1:5102.
builder.Services.AddHttpClient<InventoryClient>(client => UseService(client, "inventory-service"));
builder.Services.AddHttpClient<PaymentClient>(client => UseService(client, "payment-service"));
builder.Services.AddHttpClient<ShippingClient>(client => UseService(client, "shipping-service"));

var app = builder.Build();

app.MapControllers();
app.MapHealthChecks("/healthz");

var orders = app.MapGroup("/orders");

// POST /orders places an order. checkout-service declares no [Retry] (the case study gives it no
// VirtualService), yet the order is retried: by clients after a timeout or 502, and by checkout itself
// resuming it. Placing an order twice would reserve, charge and ship twice, so it is [Idempotent] for real:
// it requires an Idempotency-Key, replays the stored response for a repeated key, and passes keys derived
// from it downstream (see OrderWorkflow).
orders.MapPost("", [Idempotent] (
        PlaceOrderRequest order,
        HttpRequest request,
        IdempotencyStore idempotency,
        OrderWorkflow workflow,
        CancellationToken cancellationToken) =>
    idempotency.ExecuteAsync(request, "orders", order, key => workflow.PlaceAsync(key, order, cancellationToken)));

// GET /orders/{id}: the order and where its parcel is. The tracking call has shipping-service's 4s route
// timeout; if it fails the order is shown without tracking rather than failing the page.
orders.MapGet("/{id}", async (Guid id, OrderStore store, ShippingClient shipping, CancellationToken cancellationToken) =>
    store.Find(id) is { } order
        ? Results.Ok(new OrderStatus(order, await shipping.TrackAsync(order.TrackingNumber, cancellationToken)))
        : Results.NotFound());

app.Run();

void UseService(HttpClient client, string service)
{
    client.BaseAddress = new Uri(builder.Configuration[$"Services:{service}"] ?? $"http://{service}");
    client.Timeout = TimeSpan.FromSeconds(15);
}
