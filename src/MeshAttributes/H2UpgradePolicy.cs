namespace MeshAttributes
{
    /// <summary>Values of the DestinationRule's <c>connectionPool.http.h2UpgradePolicy</c>.</summary>
    public enum H2UpgradePolicy
    {
        /// <summary><c>DEFAULT</c>: use the mesh-wide setting.</summary>
        Default = 0,

        /// <summary><c>DO_NOT_UPGRADE</c>: keep HTTP/1.1 connections to the service.</summary>
        DoNotUpgrade = 1,

        /// <summary><c>UPGRADE</c>: upgrade HTTP/1.1 connections to HTTP/2.</summary>
        Upgrade = 2,
    }
}
