namespace MeshAttributes
{
    /// <summary>Values of the PeerAuthentication's <c>mtls.mode</c>.</summary>
    public enum MutualTlsMode
    {
        /// <summary><c>STRICT</c>: only mutual-TLS traffic is accepted (what MeshAttributes writes by default).</summary>
        Strict = 0,

        /// <summary><c>PERMISSIVE</c>: plain-text and mutual-TLS traffic are both accepted.</summary>
        Permissive = 1,

        /// <summary><c>DISABLE</c>: mutual TLS is off; traffic is plain text.</summary>
        Disable = 2,
    }
}
