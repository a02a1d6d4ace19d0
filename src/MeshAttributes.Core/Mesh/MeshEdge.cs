namespace MeshAttributes.Core.Mesh
{
    /// <summary>
    /// A call from one service to another, as the caller's Sidecar declares it, with the tries one call can make:
    /// the callee's mesh retries (its VirtualService, applied in the caller's sidecar, worst route) times the caller's own
    /// in-app retries on that client.
    /// </summary>
    /// <param name="Caller">Index of the caller in <see cref="MeshGraph.Services"/>.</param>
    /// <param name="Callee">Index of the callee.</param>
    /// <param name="Item">Index of the egress host in the caller's dependencies, for locating findings.</param>
    /// <param name="MeshTries">The first try plus the callee's mesh retries: <c>attempts + 1</c>.</param>
    /// <param name="AppTries">The first try plus the caller's in-app retries on the client for the callee.</param>
    /// <param name="AppExact">False when the in-app count is a lower bound.</param>
    public sealed record MeshEdge(int Caller, int Callee, int Item, int MeshTries, int AppTries, bool AppExact)
    {
        /// <summary>Requests one call can send to the callee while it fails: the layers multiply.</summary>
        public long Tries => (long)MeshTries * AppTries;
    }
}
