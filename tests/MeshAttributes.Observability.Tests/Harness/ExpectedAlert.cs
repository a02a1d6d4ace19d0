using System.Collections.Generic;

namespace MeshAttributes.Observability.Tests.Harness
{
    /// <summary>An alert as promtool's <c>exp_alerts</c> states it (without <c>alertname</c>, which promtool adds).</summary>
    internal sealed record ExpectedAlert(IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations);
}
