using System.Collections.Generic;
using System.Globalization;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH007: an error-rate threshold is a ratio of requests, from 0 up to but not including 1. A negative value
    /// fires on every sample, 1 or more can never be exceeded, and NaN or infinity compare false with everything —
    /// each makes the alert mean nothing, so the PrometheusRule and dashboard are not written.
    /// </summary>
    public static class AlertThresholdRule
    {
        public static readonly PolicyRule Rule = new(CheckService, null);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            if (service.Alerting is not { } alerting)
            {
                return;
            }

            void Ratio(double? value, string property, string alert)
            {
                if (value is not double v || (v >= 0 && v < 1))
                {
                    return;
                }

                string shown = v.ToString("R", CultureInfo.InvariantCulture);
                string why = double.IsNaN(v) || double.IsInfinity(v)
                    ? "which is not a number Prometheus can compare a ratio with, so the alert would never fire"
                    : v < 0
                        ? "but a share of requests cannot be negative: the alert would fire on every evaluation, even with no errors"
                        : v >= 1 && v <= 100
                            ? "but it is a ratio from 0 to 1, not a percentage, and no share of requests exceeds it, so the alert would never fire"
                            : "but it is a ratio from 0 to 1 and no share of requests exceeds it, so the alert would never fire";
                string suggestion = v > 1 && v < 100 && !double.IsInfinity(v)
                    ? $"; for {shown}% write {(v / 100).ToString("R", CultureInfo.InvariantCulture)}"
                    : string.Empty;
                findings.Add(new Finding(
                    RuleIds.InvalidAlertThreshold,
                    FindingSeverity.Error,
                    $"Alerting.{property} of service '{service.Name}' is {shown}, {why}; write a ratio from 0 up to (not including) 1, e.g. 0.05 for 5%{suggestion}, or leave it unset for the default ({alert})",
                    new FindingTarget("Alerting", property)));
            }

            Ratio(alerting.ErrorRateWarning, "ErrorRateWarning", "0.05, ServiceHighErrorRate");
            Ratio(alerting.ErrorRateCritical, "ErrorRateCritical", "0.2, ServiceCriticalErrorRate");
        }
    }
}
