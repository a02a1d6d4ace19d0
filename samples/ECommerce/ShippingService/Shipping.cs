namespace ShippingService;

/// <summary>Where a parcel goes.</summary>
public sealed record Address(string Name, string Street, string PostalCode, string City, string Country);

/// <summary>One line of a shipment.</summary>
public sealed record ShipmentLine(string Sku, int Quantity);

/// <summary>Body of <c>POST /api/shipments</c>.</summary>
public sealed record CreateShipmentRequest(Guid OrderId, Address ShipTo, IReadOnlyList<ShipmentLine> Lines);

/// <summary>A parcel for an order.</summary>
public sealed record Shipment(
    Guid Id,
    Guid OrderId,
    Address ShipTo,
    IReadOnlyList<ShipmentLine> Lines,
    string TrackingNumber,
    string Status,
    string? LabelUrl,
    DateTimeOffset CreatedAt);

/// <summary>What the carrier reports for a parcel.</summary>
public sealed record TrackingStatus(string TrackingNumber, string Status, DateTimeOffset AsOf);

/// <summary>In-memory shipments.</summary>
public sealed class ShipmentStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, Shipment> _shipments = [];

    public Shipment Create(CreateShipmentRequest request)
    {
        var shipment = new Shipment(
            Guid.NewGuid(),
            request.OrderId,
            request.ShipTo,
            request.Lines,
            TrackingNumber: $"ECS{Random.Shared.NextInt64(1_000_000_000L, 10_000_000_000L)}",
            Status: "AwaitingLabel",
            LabelUrl: null,
            time.GetUtcNow());
        lock (_gate)
        {
            _shipments.Add(shipment.Id, shipment);
        }

        return shipment;
    }

    public Shipment? Find(Guid id)
    {
        lock (_gate)
        {
            return _shipments.GetValueOrDefault(id);
        }
    }

    public Shipment? FindByTrackingNumber(string trackingNumber)
    {
        lock (_gate)
        {
            return _shipments.Values.FirstOrDefault(s => s.TrackingNumber == trackingNumber);
        }
    }

    /// <summary>Records a bought label; false if the shipment already had one.</summary>
    public bool TryAttachLabel(Guid id, string labelUrl, out Shipment? shipment)
    {
        lock (_gate)
        {
            shipment = _shipments.GetValueOrDefault(id);
            if (shipment is null || shipment.LabelUrl is not null)
            {
                return false;
            }

            shipment = _shipments[id] = shipment with { LabelUrl = labelUrl, Status = "LabelPurchased" };
            return true;
        }
    }
}

/// <summary>
/// Stand-in for the parcel carrier's API (the sample makes no outbound calls: the case study's mesh is
/// REGISTRY_ONLY). The delays only make the calls look like remote ones.
/// </summary>
public sealed class Carrier(TimeProvider time)
{
    /// <summary>Buys a label. The carrier bills every label bought, so this must not run twice per parcel.</summary>
    public async Task<string> BuyLabelAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(150), time, cancellationToken);
        return $"https://labels.carrier.example/{shipment.TrackingNumber}.pdf";
    }

    /// <summary>Asks the carrier where a parcel is.</summary>
    public async Task<TrackingStatus> TrackAsync(Shipment shipment, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken);
        var status = shipment.LabelUrl is null ? "NotYetWithCarrier" : "InTransit";
        return new TrackingStatus(shipment.TrackingNumber, status, time.GetUtcNow());
    }
}
