using System.Collections.Concurrent;

namespace CheckoutService;

/// <summary>A cart line, priced when it was put in the cart.</summary>
public sealed record CartLine(string Sku, string Name, decimal UnitPrice, int Quantity)
{
    public decimal Total => UnitPrice * Quantity;
}

/// <summary>A shopper's cart; the client picks its id.</summary>
public sealed record Cart(Guid Id, IReadOnlyList<CartLine> Lines)
{
    public decimal Total => Lines.Sum(line => line.Total);
}

/// <summary>Body of <c>PUT /api/carts/{id}/items/{sku}</c>.</summary>
public sealed record SetQuantityRequest(int Quantity);

/// <summary>In-memory carts.</summary>
public sealed class CartStore
{
    private readonly ConcurrentDictionary<Guid, Cart> _carts = new();

    public Cart Get(Guid id) => _carts.TryGetValue(id, out var cart) ? cart : new Cart(id, []);

    /// <summary>Puts a line in the cart, replacing any line for the same SKU.</summary>
    public Cart SetLine(Guid id, CartLine line) =>
        _carts.AddOrUpdate(
            id,
            _ => new Cart(id, [line]),
            (_, cart) => cart with { Lines = [.. cart.Lines.Where(l => l.Sku != line.Sku), line] });

    public Cart RemoveLine(Guid id, string sku) =>
        _carts.AddOrUpdate(
            id,
            _ => new Cart(id, []),
            (_, cart) => cart with { Lines = [.. cart.Lines.Where(l => l.Sku != sku)] });

    public void Clear(Guid id) => _carts.TryRemove(id, out _);
}
