namespace MeshAttributes.Core.Model
{
    /// <summary><c>[ConnectionPool]</c>: the DestinationRule's <c>connectionPool.tcp</c> and <c>.http</c>.</summary>
    /// <param name="H2UpgradePolicy">The enum's numeric value as written in C#; <see cref="IstioEnums"/> names it.</param>
    public sealed record ConnectionPoolSpec(
        int? MaxConnections,
        string? ConnectTimeout,
        int? H2UpgradePolicy,
        int? Http1MaxPendingRequests,
        int? Http2MaxRequests,
        int? MaxRequestsPerConnection,
        int? MaxRetries,
        string? IdleTimeout);
}
