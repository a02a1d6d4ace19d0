using Microsoft.AspNetCore.Mvc;

namespace CheckoutService.Controllers;

/// <summary>
/// Shopping carts. Writes are PUT and DELETE, idempotent by RFC 9110 (they set state rather than add to it),
/// so any retry may replay them and they need neither [Idempotent] nor an Idempotency-Key.
/// </summary>
[ApiController]
[Route("api/[controller]")]
public sealed class CartsController(CartStore carts, InventoryClient inventory) : ControllerBase
{
    [HttpGet("{id}")]
    public Cart Get(Guid id) => carts.Get(id);

    /// <summary>Sets the quantity of a product in the cart, priced from inventory-service.</summary>
    [HttpPut("{id}/items/{sku}")]
    public async Task<ActionResult<Cart>> SetItem(
        Guid id, string sku, SetQuantityRequest body, CancellationToken cancellationToken)
    {
        if (body.Quantity is < 1 or > 100)
        {
            return ValidationProblem(detail: "quantity must be between 1 and 100.");
        }

        if (await inventory.GetProductAsync(sku, cancellationToken) is not { } product)
        {
            return NotFound();
        }

        return carts.SetLine(id, new CartLine(product.Sku, product.Name, product.Price, body.Quantity));
    }

    [HttpDelete("{id}/items/{sku}")]
    public Cart RemoveItem(Guid id, string sku) => carts.RemoveLine(id, sku);
}
