namespace PaymentService;

/// <summary>Body of <c>POST /api/payments</c>: charge a tokenised card for an order.</summary>
public sealed record ChargeRequest(Guid OrderId, decimal Amount, string Currency, string CardToken);

/// <summary>A captured card payment.</summary>
public sealed record Payment(
    Guid Id, Guid OrderId, decimal Amount, string Currency, string Status, decimal Refunded, DateTimeOffset CapturedAt);

/// <summary>Body of <c>POST /refunds</c>.</summary>
public sealed record RefundRequest(Guid PaymentId, decimal Amount, string Reason);

/// <summary>Money given back on a payment.</summary>
public sealed record Refund(Guid Id, Guid PaymentId, decimal Amount, string Reason, DateTimeOffset CreatedAt);

/// <summary>In-memory payments and refunds; the card "provider" is simulated.</summary>
public sealed class PaymentStore(TimeProvider time)
{
    /// <summary>The test card token the simulated provider always declines.</summary>
    public const string DeclinedCardToken = "tok_declined";

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Payment> _payments = [];
    private readonly Dictionary<Guid, Refund> _refunds = [];

    /// <summary>Charges the card; null when the provider declines it.</summary>
    public Payment? Charge(ChargeRequest request)
    {
        if (request.CardToken == DeclinedCardToken)
        {
            return null;
        }

        var payment = new Payment(
            Guid.NewGuid(), request.OrderId, request.Amount, request.Currency, "Captured", 0m, time.GetUtcNow());
        lock (_gate)
        {
            _payments.Add(payment.Id, payment);
        }

        return payment;
    }

    public Payment? Find(Guid id)
    {
        lock (_gate)
        {
            return _payments.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<Payment> ForOrder(Guid orderId)
    {
        lock (_gate)
        {
            return [.. _payments.Values.Where(p => p.OrderId == orderId).OrderBy(p => p.CapturedAt)];
        }
    }

    /// <summary>Refunds part or all of a payment; the error says why not.</summary>
    public (Refund? Refund, string? Error) Refund(RefundRequest request)
    {
        lock (_gate)
        {
            if (!_payments.TryGetValue(request.PaymentId, out var payment))
            {
                return (null, $"No payment {request.PaymentId}.");
            }

            var refundable = payment.Amount - payment.Refunded;
            if (request.Amount > refundable)
            {
                return (null, $"Only {refundable} {payment.Currency} of payment {payment.Id} is left to refund.");
            }

            var refund = new Refund(Guid.NewGuid(), payment.Id, request.Amount, request.Reason, time.GetUtcNow());
            _refunds.Add(refund.Id, refund);
            var refunded = payment.Refunded + request.Amount;
            _payments[payment.Id] = payment with
            {
                Refunded = refunded,
                Status = refunded == payment.Amount ? "Refunded" : "PartiallyRefunded",
            };
            return (refund, null);
        }
    }

    public Refund? FindRefund(Guid id)
    {
        lock (_gate)
        {
            return _refunds.GetValueOrDefault(id);
        }
    }
}
