namespace MeshAttributes.Core.Model
{
    /// <summary>
    /// What MeshAttributes writes that Istio did not always have, with the release that introduced it. Everything else it
    /// writes exists in every release from <see cref="IstioRelease.Oldest"/>.
    /// </summary>
    public static class IstioFeatures
    {
        /// <summary><c>networking.istio.io/v1</c> and <c>security.istio.io/v1</c>; older releases serve <c>v1beta1</c> only.</summary>
        public static readonly IstioRelease V1Apis = new(1, 22);

        /// <summary>The <c>reset-before-request</c> retry condition: older releases reject it in <c>retryOn</c>.</summary>
        public static readonly IstioRelease ResetBeforeRequest = new(1, 23);

        /// <summary>
        /// A retry policy without <c>retryOn</c> no longer retries a 503: before, Istio's default conditions included
        /// <c>retriable-status-codes</c> with 503, which replays a request the app may have processed.
        /// </summary>
        public static readonly IstioRelease DefaultRetryWithout503 = new(1, 24);

        /// <summary>The DestinationRule's <c>trafficPolicy.retryBudget</c>: older releases reject the unknown field or drop it, leaving retries uncapped.</summary>
        public static readonly IstioRelease RetryBudget = new(1, 27);

        /// <summary>The <c>apiVersion</c> of a <c>networking.istio.io</c> resource for <paramref name="release"/>.</summary>
        public static string Networking(IstioRelease release) => release >= V1Apis ? "networking.istio.io/v1" : "networking.istio.io/v1beta1";

        /// <summary>The <c>apiVersion</c> of a <c>security.istio.io</c> resource for <paramref name="release"/>.</summary>
        public static string Security(IstioRelease release) => release >= V1Apis ? "security.istio.io/v1" : "security.istio.io/v1beta1";
    }
}
