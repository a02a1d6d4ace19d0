using System;

namespace MeshAttributes
{
    /// <summary>
    /// The mutual-TLS mode the service's pods accept: a PeerAuthentication selecting <c>app: &lt;service&gt;</c>.
    /// Without this attribute the PeerAuthentication is still written, with <c>STRICT</c>.
    /// The DestinationRule always sets <c>tls.mode: ISTIO_MUTUAL</c> unless the mode is <see cref="MutualTlsMode.Disable"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class MutualTlsAttribute : Attribute
    {
        /// <summary>Sets the mutual-TLS mode.</summary>
        /// <param name="mode">The mode; anything but <see cref="MutualTlsMode.Strict"/> accepts plain text.</param>
        public MutualTlsAttribute(MutualTlsMode mode) => Mode = mode;

        /// <summary><c>mtls.mode</c>.</summary>
        public MutualTlsMode Mode { get; }
    }
}
