using Microsoft.AspNetCore.Mvc;

namespace InventoryService.Controllers;

/// <summary>
/// The catalogue's stock levels. No endpoint-level mesh attributes: every route here takes the service's
/// policy, which for inventory-service is only the DestinationRule (no VirtualService).
/// </summary>
[ApiController]
[Route("api/[controller]")]
public sealed class ProductsController(InventoryStore inventory) : ControllerBase
{
    /// <summary>All products with their stock.</summary>
    [HttpGet]
    public IReadOnlyList<Product> List() => inventory.Products();

    /// <summary>One product; checkout reads the price from here when an item goes into a cart.</summary>
    [HttpGet("{sku}")]
    public ActionResult<Product> Get(string sku) => inventory.Find(sku) is { } product ? product : NotFound();

    /// <summary>
    /// Sets the count on hand after a stock take. A PUT that sets a value is idempotent (RFC 9110), so any
    /// retry may replay it: it needs neither <c>[Idempotent]</c> nor an Idempotency-Key.
    /// </summary>
    [HttpPut("{sku}/stock")]
    public ActionResult<Product> SetStock(string sku, SetStockRequest body)
    {
        if (body.OnHand < 0)
        {
            return ValidationProblem(detail: "onHand must be 0 or more.");
        }

        return inventory.SetOnHand(sku, body.OnHand) is { } product ? product : NotFound();
    }
}
