using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ECommerce.Shared;

namespace CheckoutService;

/// <summary>Body of <c>POST /orders</c>.</summary>
public sealed record PlaceOrderRequest(Guid CartId, string CardToken, Address ShipTo);

/// <summary>A placed order.</summary>
public sealed record Order(
    Guid Id,
    IReadOnlyList<CartLine> Lines,
    decimal Total,
    string Currency,
    Guid ReservationId,
    Guid PaymentId,
    Guid ShipmentId,
    string TrackingNumber,
    DateTimeOffset PlacedAt);

/// <summary>An order with where its parcel is (null when shipping-service could not say in time).</summary>
public sealed record OrderStatus(Order Order, TrackingStatus? Tracking);

/// <summary>In-memory orders.</summary>
public sealed class OrderStore
{
    private readonly ConcurrentDictionary<Guid, Order> _orders = new();

    public Order Save(Order order) => _orders[order.Id] = order;

    public Order? Find(Guid id) => _orders.GetValueOrDefault(id);
}

/// <summary>
/// Places an order: reserve stock, charge the card, create the shipment, buy its label.
/// </summary>
/// <remarks>
/// <c>POST /orders</c> runs this under its Idempotency-Key. A settled outcome (201, 402, 422) is stored and
/// replayed; after a 502 (a downstream call failed) the client retries with the same key and this runs again.
/// Every step is safe to run again for the same key: the reservation and the shipment are created under keys
/// derived from it (inventory and shipping replay their first answer), the order id derives from it, so the
/// payment lookup finds a charge that already went through, and a label already bought answers 409.
/// </remarks>
public sealed class OrderWorkflow(
    CartStore carts,
    OrderStore orders,
    InventoryClient inventory,
    PaymentClient payments,
    ShippingClient shipping,
    TimeProvider time,
    ILogger<OrderWorkflow> logger)
{
    private const string Currency = "EUR";

    public async Task<StoredResponse> PlaceAsync(
        string idempotencyKey, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.CardToken) || request.ShipTo is null)
        {
            return StoredResponse.Problem(StatusCodes.Status400BadRequest, "cardToken and shipTo are required.");
        }

        var cart = carts.Get(request.CartId);
        if (cart.Lines.Count == 0)
        {
            return StoredResponse.Problem(StatusCodes.Status422UnprocessableEntity, "The cart is empty.");
        }

        var orderId = OrderIdFor(idempotencyKey);
        try
        {
            var lines = cart.Lines.Select(line => new ReservationLine(line.Sku, line.Quantity)).ToList();
            var reservation = await inventory.ReserveAsync(
                $"{idempotencyKey}:reserve", new ReserveStockRequest(lines), cancellationToken);
            if (reservation is null)
            {
                return StoredResponse.Problem(StatusCodes.Status422UnprocessableEntity, "Some items are out of stock.");
            }

            // The charge is not idempotent, and payment-service's mesh route only retries it when it never
            // reached the app. After a failure with an unknown outcome (timeout, lost response) this method runs
            // again for the same key - so look the order's payment up before charging again.
            var payment = await payments.FindCapturedAsync(orderId, cancellationToken)
                ?? await payments.ChargeAsync(
                    new ChargeRequest(orderId, cart.Total, Currency, request.CardToken), cancellationToken);
            if (payment is null)
            {
                await inventory.ReleaseAsync(reservation.Id, cancellationToken);
                return StoredResponse.Problem(StatusCodes.Status402PaymentRequired, "The card was declined.");
            }

            var shipment = await shipping.CreateShipmentAsync(
                $"{idempotencyKey}:ship",
                new CreateShipmentRequest(orderId, request.ShipTo, [.. lines.Select(l => new ShipmentLine(l.Sku, l.Quantity))]),
                cancellationToken);
            await shipping.BuyLabelAsync(shipment.Id, cancellationToken);

            var order = orders.Save(new Order(
                orderId, cart.Lines, cart.Total, Currency, reservation.Id, payment.Id, shipment.Id,
                shipment.TrackingNumber, time.GetUtcNow()));
            carts.Clear(request.CartId);
            return StoredResponse.Json(StatusCodes.Status201Created, order, $"/orders/{order.Id}");
        }
        catch (HttpRequestException exception)
        {
            // Not stored (5xx): the client retries with the same Idempotency-Key and resumes this order.
            logger.LogWarning(exception, "Order {OrderId} stopped at a downstream call", orderId);
            return StoredResponse.Problem(
                StatusCodes.Status502BadGateway,
                "A service the order depends on failed.",
                "Retry with the same Idempotency-Key to resume this order.");
        }
    }

    /// <summary>
    /// The order id for a key, the same on every run. (Keys are the clients' random UUIDs; a real service would
    /// also scope them to the customer.)
    /// </summary>
    private static Guid OrderIdFor(string idempotencyKey) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("order|" + idempotencyKey)).AsSpan(0, 16));
}
