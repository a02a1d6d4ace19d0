namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// One HTTP endpoint of the service: a controller action or a minimal-API handler.
    /// </summary>
    /// <param name="DisplayName">How messages name it, e.g. <c>OrdersController.Get</c> or <c>MapPost("/orders")</c>.</param>
    /// <param name="Methods">Upper-case HTTP methods; empty means any method.</param>
    /// <param name="RouteTemplate">The full ASP.NET Core route template with a leading slash, e.g. <c>/api/orders/{id:int}</c>.</param>
    /// <param name="Retry">The endpoint's own <c>[Retry]</c>, which replaces the service's as a whole.</param>
    /// <param name="Timeout">The endpoint's own <c>[Timeout]</c>, which replaces the service's.</param>
    /// <param name="Idempotent">Whether the endpoint carries <c>[Idempotent]</c>.</param>
    /// <param name="Order">
    /// ASP.NET Core's route order (<c>Order</c> on a route attribute, <c>WithOrder</c> on a handler or its group; 0 unless
    /// set): of two endpoints matching a request, the lower order wins before route precedence is weighed.
    /// </param>
    public sealed record EndpointSpec(
        string DisplayName,
        EquatableArray<string> Methods,
        string RouteTemplate,
        RetrySpec? Retry,
        TimeoutSpec? Timeout,
        bool Idempotent,
        int Order = 0)
    {
        /// <summary>Whether the endpoint gets a route of its own in the VirtualService.</summary>
        public bool HasOwnRoute => Retry is not null || Timeout is not null;
    }
}
