namespace InventoryService;

/// <summary>A product as callers see it.</summary>
public sealed record Product(string Sku, string Name, decimal Price, int OnHand, int Reserved)
{
    /// <summary>Units that can still be reserved.</summary>
    public int Available => Math.Max(0, OnHand - Reserved);
}

/// <summary>One line of a reservation.</summary>
public sealed record ReservationLine(string Sku, int Quantity);

/// <summary>Body of <c>POST /reservations</c>.</summary>
public sealed record ReserveStockRequest(IReadOnlyList<ReservationLine> Lines);

/// <summary>Stock held for an order until it ships or is released.</summary>
public sealed record Reservation(Guid Id, IReadOnlyList<ReservationLine> Lines, DateTimeOffset CreatedAt);

/// <summary>Body of <c>PUT /api/products/{sku}/stock</c>.</summary>
public sealed record SetStockRequest(int OnHand);

/// <summary>In-memory stock and reservations (the sample's stand-in for the inventory database).</summary>
public sealed class InventoryStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Product> _products = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SKU-1001"] = new("SKU-1001", "Espresso machine", 249.00m, OnHand: 12, Reserved: 0),
        ["SKU-1002"] = new("SKU-1002", "Burr grinder", 129.50m, OnHand: 30, Reserved: 0),
        ["SKU-1003"] = new("SKU-1003", "Milk jug, 600 ml", 19.90m, OnHand: 200, Reserved: 0),
    };

    private readonly Dictionary<Guid, Reservation> _reservations = [];

    public IReadOnlyList<Product> Products()
    {
        lock (_gate)
        {
            return [.. _products.Values.OrderBy(p => p.Sku, StringComparer.Ordinal)];
        }
    }

    public Product? Find(string sku)
    {
        lock (_gate)
        {
            return _products.GetValueOrDefault(sku);
        }
    }

    /// <summary>Sets the count on hand after a stock take; null for an unknown SKU.</summary>
    public Product? SetOnHand(string sku, int onHand)
    {
        lock (_gate)
        {
            if (!_products.TryGetValue(sku, out var product))
            {
                return null;
            }

            return _products[sku] = product with { OnHand = onHand };
        }
    }

    /// <summary>Reserves every line or none; the error names the first line that cannot be reserved.</summary>
    public (Reservation? Reservation, string? Error) Reserve(IReadOnlyList<ReservationLine> lines)
    {
        lock (_gate)
        {
            foreach (var line in lines)
            {
                if (!_products.TryGetValue(line.Sku, out var product))
                {
                    return (null, $"Unknown SKU {line.Sku}.");
                }

                if (product.Available < line.Quantity)
                {
                    return (null, $"{line.Sku}: {line.Quantity} requested, {product.Available} available.");
                }
            }

            foreach (var line in lines)
            {
                var product = _products[line.Sku];
                _products[line.Sku] = product with { Reserved = product.Reserved + line.Quantity };
            }

            var reservation = new Reservation(Guid.NewGuid(), lines, time.GetUtcNow());
            _reservations.Add(reservation.Id, reservation);
            return (reservation, null);
        }
    }

    public Reservation? FindReservation(Guid id)
    {
        lock (_gate)
        {
            return _reservations.GetValueOrDefault(id);
        }
    }

    /// <summary>Gives the reserved units back; false if there is no such reservation (any more).</summary>
    public bool Release(Guid id)
    {
        lock (_gate)
        {
            if (!_reservations.Remove(id, out var reservation))
            {
                return false;
            }

            foreach (var line in reservation.Lines)
            {
                var product = _products[line.Sku];
                _products[line.Sku] = product with { Reserved = Math.Max(0, product.Reserved - line.Quantity) };
            }

            return true;
        }
    }
}
