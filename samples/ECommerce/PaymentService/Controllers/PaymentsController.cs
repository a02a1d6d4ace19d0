using MeshAttributes;
using Microsoft.AspNetCore.Mvc;

namespace PaymentService.Controllers;

/// <summary>Card charges. checkout-service is the caller.</summary>
[ApiController]
[Route("api/[controller]")]
public sealed class PaymentsController(PaymentStore payments) : ControllerBase
{
    /// <summary>
    /// Charges a card. This endpoint must NOT inherit the service's retry on 5xx,reset,retriable-4xx: those
    /// replay a request the app may already have processed (the charge went through, then the response was lost
    /// or the connection reset), and a replayed charge bills the customer twice. Its own [Retry] keeps only the
    /// conditions under which the request never reached the app (connect-failure, refused-stream,
    /// reset-before-request), which are safe for a non-idempotent POST. Not [Idempotent]: a charge here has no
    /// Idempotency-Key; checkout-service instead looks the order's payment up (GET api/payments?orderId=...)
    /// before charging again after an unknown outcome.
    /// The [Timeout] is inherited (10s): 4 tries x 2s + 3 x 250ms back-off = 8.75s fits.
    /// </summary>
    [HttpPost]
    [Retry(Attempts = 3, PerTryTimeout = "2s", RetryOn = "connect-failure,refused-stream,reset-before-request")]
    public ActionResult<Payment> Charge(ChargeRequest request)
    {
        if (request.Amount <= 0 || string.IsNullOrWhiteSpace(request.Currency) || string.IsNullOrWhiteSpace(request.CardToken))
        {
            return ValidationProblem(detail: "amount must be positive; currency and cardToken are required.");
        }

        // 402, not 409: this service's default route retries retriable-4xx, which is Envoy's name for 409.
        return payments.Charge(request) is { } payment
            ? CreatedAtAction(nameof(Get), new { id = payment.Id }, payment)
            : Problem(statusCode: StatusCodes.Status402PaymentRequired, title: "The card was declined.");
    }

    /// <summary>One payment. Inherits the service's retry and timeout: a GET is safe to replay.</summary>
    [HttpGet("{id}")]
    public ActionResult<Payment> Get(Guid id) => payments.Find(id) is { } payment ? payment : NotFound();

    /// <summary>The payments of an order, so that a caller can check whether an order was charged.</summary>
    [HttpGet]
    public IReadOnlyList<Payment> FindByOrder([FromQuery] Guid orderId) => payments.ForOrder(orderId);
}
