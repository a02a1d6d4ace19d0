using ECommerce.Shared;
using MeshAttributes;
using Microsoft.AspNetCore.Mvc;

namespace ShippingService.Controllers;

/// <summary>Shipments, created by checkout-service for each order.</summary>
[ApiController]
[Route("api/[controller]")]
public sealed class ShipmentsController(ShipmentStore shipments, Carrier carrier, IdempotencyStore idempotency)
    : ControllerBase
{
    /// <summary>
    /// Creates the shipment for an order. It inherits the service's retry on 5xx,reset,connect-failure, which can
    /// replay a request that was processed: a replay would create a second parcel. It is [Idempotent] because
    /// it honours an Idempotency-Key (checkout sends "&lt;its key&gt;:ship"): a repeated key gets the first
    /// shipment back.
    /// </summary>
    [HttpPost]
    [Idempotent]
    public Task<IResult> Create(CreateShipmentRequest body) =>
        idempotency.ExecuteAsync(Request, "shipments", body, _ => Task.FromResult(CreateShipment(body)));

    /// <summary>
    /// One shipment with the carrier's live status. Asking the carrier is slow, so instead of the service's two
    /// 1s tries this GET gets one retry with a 4s per-try timeout (safe: a GET may be replayed), and a 9s route
    /// timeout to fit it: 2 tries x 4s + 250ms back-off = 8.25s.
    /// </summary>
    [HttpGet("{id}")]
    [Retry(Attempts = 1, PerTryTimeout = "4s", RetryOn = "5xx,reset,connect-failure")]
    [Timeout("9s")]
    public async Task<ActionResult<ShipmentView>> Get(Guid id, CancellationToken cancellationToken)
    {
        if (shipments.Find(id) is not { } shipment)
        {
            return NotFound();
        }

        return new ShipmentView(shipment, await carrier.TrackAsync(shipment, cancellationToken));
    }

    private StoredResponse CreateShipment(CreateShipmentRequest body)
    {
        if (body.ShipTo is null || body.Lines is not { Count: > 0 })
        {
            return StoredResponse.Problem(
                StatusCodes.Status400BadRequest, "A shipment needs an address and at least one line.");
        }

        var shipment = shipments.Create(body);
        return StoredResponse.Json(
            StatusCodes.Status201Created, shipment, Url.Action(nameof(Get), new { id = shipment.Id }));
    }
}

/// <summary>A shipment and what the carrier says about it.</summary>
public sealed record ShipmentView(Shipment Shipment, TrackingStatus Carrier);
