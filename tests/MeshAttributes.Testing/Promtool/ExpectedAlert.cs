using System.Collections.Generic;

namespace MeshAttributes.Testing
{
    /// <summary>An alert as promtool's <c>exp_alerts</c> states it (without <c>alertname</c>, which promtool adds).</summary>
    public sealed record ExpectedAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);
}
