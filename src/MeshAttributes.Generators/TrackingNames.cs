namespace MeshAttributes.Generators
{
    /// <summary>Names of the generator's pipeline steps, so tests can assert what was cached.</summary>
    public static class TrackingNames
    {
        public const string Services = "MeshServices";
        public const string ActionEndpoints = "MeshActionEndpoints";
        public const string HandlerEndpoints = "MeshHandlerEndpoints";
        public const string Options = "MeshOptions";
        public const string ServiceModels = "MeshServiceModels";
        public const string Rendered = "MeshRendered";
        public const string Platform = "MeshPlatform";
        public const string PlatformRendered = "MeshPlatformRendered";
        public const string InAppRetries = "MeshInAppRetries";
    }
}
