using ECommerce.Shared;
using MeshAttributes;
using PaymentService;

// payment-service: card charges (controller, api/payments) and refunds (minimal API, /refunds).
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IdempotencyStore>();
builder.Services.AddSingleton<PaymentStore>();

var app = builder.Build();

app.MapControllers();
app.MapHealthChecks("/healthz");

var refunds = app.MapGroup("/refunds");

// POST /refunds gives money back: replaying it could refund twice. It keeps the service's replaying
// retry (5xx,reset,connect-failure,retriable-4xx, 3 x 2s within 10s) because it is [Idempotent] for real:
// it requires an Idempotency-Key and a repeated key gets the stored first response instead of a second
// refund. A retry that arrives while the first try is still running gets 409, which retriable-4xx retries
// after a back-off, and then the stored response.
refunds.MapPost("", [Idempotent] (
        RefundRequest body, HttpRequest request, IdempotencyStore idempotency, PaymentStore payments) =>
    idempotency.ExecuteAsync(request, "refunds", body, _ => Task.FromResult(CreateRefund(payments, body))));

refunds.MapGet("/{id}", (Guid id, PaymentStore payments) =>
    payments.FindRefund(id) is { } refund ? Results.Ok(refund) : Results.NotFound());

app.Run();

static StoredResponse CreateRefund(PaymentStore payments, RefundRequest body)
{
    if (body.Amount <= 0 || string.IsNullOrWhiteSpace(body.Reason))
    {
        return StoredResponse.Problem(
            StatusCodes.Status400BadRequest, "A refund needs a positive amount and a reason.");
    }

    var (refund, error) = payments.Refund(body);
    return refund is not null
        ? StoredResponse.Json(StatusCodes.Status201Created, refund, $"/refunds/{refund.Id}")
        : StoredResponse.Problem(StatusCodes.Status422UnprocessableEntity, "The refund is not possible.", error);
}
