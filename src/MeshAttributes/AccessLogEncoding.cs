namespace MeshAttributes
{
    /// <summary>Values of MeshConfig's <c>accessLogEncoding</c>, numbered as Istio's own enum.</summary>
    public enum AccessLogEncoding
    {
        /// <summary><c>TEXT</c>: each line is <c>accessLogFormat</c> with its operators substituted (Istio's own default).</summary>
        Text = 0,

        /// <summary>
        /// <c>JSON</c>: each line is a JSON object built from <c>accessLogFormat</c>'s keys, its values escaped by Envoy, so a
        /// path holding a quote cannot break the line (the production install's choice).
        /// </summary>
        Json = 1,
    }
}
