using System.Net;
using ECommerce.Shared;

namespace CheckoutService;

// Typed HttpClients for the services checkout calls. Each HttpClient's base address is the service's mesh
// name (http://inventory-service, ...): the sidecar resolves it and applies that service's DestinationRule
// and VirtualService - retries, timeouts, circuit breaking, mTLS. There is deliberately no retry handler here
// (no AddStandardResilienceHandler, no Polly): mesh retries own that, and in-app retries stacked on them
// multiply the attempts (MESH107). Non-success answers become HttpRequestException, which the order
// workflow turns into a 502.

public sealed record Product(string Sku, string Name, decimal Price, int Available);

public sealed record ReservationLine(string Sku, int Quantity);

public sealed record ReserveStockRequest(IReadOnlyList<ReservationLine> Lines);

public sealed record Reservation(Guid Id, IReadOnlyList<ReservationLine> Lines);

public sealed record ChargeRequest(Guid OrderId, decimal Amount, string Currency, string CardToken);

public sealed record Payment(Guid Id, Guid OrderId, decimal Amount, string Currency, string Status);

public sealed record Address(string Name, string Street, string PostalCode, string City, string Country);

public sealed record ShipmentLine(string Sku, int Quantity);

public sealed record CreateShipmentRequest(Guid OrderId, Address ShipTo, IReadOnlyList<ShipmentLine> Lines);

public sealed record Shipment(Guid Id, string TrackingNumber, string Status, string? LabelUrl);

public sealed record TrackingStatus(string TrackingNumber, string Status, DateTimeOffset AsOf);

/// <summary>inventory-service.</summary>
public sealed class InventoryClient(HttpClient http)
{
    /// <summary>A product, or null if inventory does not know the SKU.</summary>
    public async Task<Product?> GetProductAsync(string sku, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/products/{Uri.EscapeDataString(sku)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync<Product>(response, cancellationToken);
    }

    /// <summary>Holds stock; null when there is not enough. The key makes a repeated call return the first reservation.</summary>
    public async Task<Reservation?> ReserveAsync(
        string idempotencyKey, ReserveStockRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "reservations") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyStore.HeaderName, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            return null;
        }

        return await ReadAsync<Reservation>(response, cancellationToken);
    }

    public async Task ReleaseAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"reservations/{reservationId}", cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
            ?? throw new HttpRequestException($"inventory-service sent no {typeof(T).Name}.");
    }
}

/// <summary>payment-service.</summary>
public sealed class PaymentClient(HttpClient http)
{
    /// <summary>The order's captured payment, if it was charged already.</summary>
    public async Task<Payment?> FindCapturedAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var payments = await http.GetFromJsonAsync<List<Payment>>($"api/payments?orderId={orderId}", cancellationToken);
        return payments?.FirstOrDefault(p => p.Status == "Captured");
    }

    /// <summary>Charges the card; null when it is declined (402).</summary>
    public async Task<Payment?> ChargeAsync(ChargeRequest body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/payments", body, cancellationToken);
        if (response.StatusCode == HttpStatusCode.PaymentRequired)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Payment>(cancellationToken)
            ?? throw new HttpRequestException("payment-service sent no payment.");
    }
}

/// <summary>shipping-service.</summary>
public sealed class ShippingClient(HttpClient http)
{
    /// <summary>Creates the order's shipment. The key makes a repeated call return the first shipment.</summary>
    public async Task<Shipment> CreateShipmentAsync(
        string idempotencyKey, CreateShipmentRequest body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/shipments") { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyStore.HeaderName, idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Shipment>(cancellationToken)
            ?? throw new HttpRequestException("shipping-service sent no shipment.");
    }

    /// <summary>
    /// Buys the carrier label. shipping-service answers 409 when the shipment already has one, which is what
    /// a re-run of an order after a failure finds; either way the shipment ends up with exactly one label.
    /// </summary>
    public async Task BuyLabelAsync(Guid shipmentId, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"api/shipments/{shipmentId}/label", content: null, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>Where the parcel is; null when shipping-service cannot say within its 4s route timeout.</summary>
    public async Task<TrackingStatus?> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"tracking/{Uri.EscapeDataString(trackingNumber)}", cancellationToken);
            return response.IsSuccessStatusCode
                ? await response.Content.ReadFromJsonAsync<TrackingStatus>(cancellationToken)
                : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
