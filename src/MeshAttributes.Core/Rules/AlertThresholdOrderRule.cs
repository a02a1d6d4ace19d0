using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH008: the warning error rate must lie below the critical one, defaults included. Otherwise the critical
    /// alert fires first (or together with the warning) and the warning never warns of anything.
    /// Values MESH007 already rejects are left to it.
    /// </summary>
    public static class AlertThresholdOrderRule
    {
        public static readonly PolicyRule Rule = new(CheckService, null);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            if (service.Alerting is not { } alerting || (alerting.ErrorRateWarning is null && alerting.ErrorRateCritical is null))
            {
                return;
            }

            double warning = alerting.ErrorRateWarning ?? AlertThresholds.DefaultErrorRateWarning;
            double critical = alerting.ErrorRateCritical ?? AlertThresholds.DefaultErrorRateCritical;
            if (!IsRatio(warning) || !IsRatio(critical) || warning < critical)
            {
                return;
            }

            string w = Show(warning, alerting.ErrorRateWarning is null);
            string c = Show(critical, alerting.ErrorRateCritical is null);
            string relation = warning == critical ? "equals" : "is above";
            string fix = alerting.ErrorRateCritical is null
                ? $"set ErrorRateCritical above {warning.ToString("R", CultureInfo.InvariantCulture)} too, or lower ErrorRateWarning below {critical.ToString("R", CultureInfo.InvariantCulture)}"
                : alerting.ErrorRateWarning is null
                    ? $"raise ErrorRateCritical above {warning.ToString("R", CultureInfo.InvariantCulture)}, or set ErrorRateWarning below {critical.ToString("R", CultureInfo.InvariantCulture)}"
                    : "swap them, or lower ErrorRateWarning below ErrorRateCritical";

            // Point at whichever the user wrote; when both are written, the warning is the one out of place.
            string property = alerting.ErrorRateWarning is not null ? "ErrorRateWarning" : "ErrorRateCritical";
            findings.Add(new Finding(
                RuleIds.InvertedAlertThresholds,
                FindingSeverity.Error,
                $"Alerting.ErrorRateWarning of service '{service.Name}' ({w}) {relation} Alerting.ErrorRateCritical ({c}): the critical alert would fire no later than the warning, so the warning never gives notice; {fix}",
                new FindingTarget("Alerting", property)));
        }

        private static bool IsRatio(double v) => v >= 0 && v < 1;

        private static string Show(double v, bool isDefault) =>
            v.ToString("R", CultureInfo.InvariantCulture) + (isDefault ? ", the default" : string.Empty);
    }
}
