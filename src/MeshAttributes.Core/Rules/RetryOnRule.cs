using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>MESH002: every <c>RetryOn</c> token must be one Istio accepts, with no spaces around the commas.</summary>
    public static class RetryOnRule
    {
        public static readonly PolicyRule Rule = new(
            static (service, findings) => Check(service, null, service.Retry?.RetryOn, null, findings),
            static (service, endpoint, index, findings) => Check(service, endpoint, endpoint.Retry?.RetryOn, index, findings));

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void Check(ServiceSpec service, EndpointSpec? endpoint, string? retryOn, int? index, FindingSink findings)
        {
            if (retryOn is null || (retryOn.IndexOf(' ') < 0 && RetryConditions.AreAllValid(retryOn)))
            {
                return;
            }

            // Made only for a finding: the analyzer runs these rules once per endpoint, and most find nothing.
            var target = new FindingTarget("Retry", "RetryOn", index);
            string where = PolicyRules.Where(service, endpoint);
            if (retryOn.IndexOf(' ') >= 0 && AllValidWhenTrimmed(retryOn))
            {
                findings.Add(new Finding(
                    RuleIds.InvalidRetryOn,
                    FindingSeverity.Error,
                    $"RetryOn \"{retryOn}\" of {where} contains spaces, and Istio splits the list on ',' without trimming; write \"{retryOn.Replace(" ", string.Empty)}\"",
                    target).With(FindingProperties.Replacement, retryOn.Replace(" ", string.Empty)));
                return;
            }

            bool corrected = false;
            string? fixedRetryOn = null;
            foreach (string token in RetryConditions.Split(retryOn))
            {
                if (RetryConditions.IsValidToken(token))
                {
                    continue;
                }

                if (!corrected)
                {
                    fixedRetryOn = Corrected(retryOn);
                    corrected = true;
                }

                string message;
                if (token.Length == 0)
                {
                    message = $"RetryOn \"{retryOn}\" of {where} has an empty condition (a stray comma); remove it";
                }
                else if (RetryConditions.IsStatusCode(token))
                {
                    message = $"RetryOn token '{token}' of {where} is not an HTTP status code Istio knows; use a code such as 503";
                }
                else if (RetryConditions.Closest(token) is string closest)
                {
                    message = $"RetryOn token '{token}' of {where} is not an Istio retry condition; did you mean '{closest}'?";
                }
                else
                {
                    message = $"RetryOn token '{token}' of {where} is not an Istio retry condition; use one of {string.Join(", ", RetryConditions.Known)}, or an HTTP status code";
                }

                findings.Add(new Finding(RuleIds.InvalidRetryOn, FindingSeverity.Error, message, target)
                    .With(FindingProperties.Replacement, fixedRetryOn));
            }
        }

        // Every token replaced by its closest condition and stray commas dropped, so each finding on one RetryOn offers the
        // same complete fix; null when some token has no clear correction.
        private static string? Corrected(string retryOn)
        {
            var tokens = new List<string>();
            foreach (string token in RetryConditions.Split(retryOn.Replace(" ", string.Empty)))
            {
                if (token.Length == 0)
                {
                    continue;
                }

                string? corrected = RetryConditions.IsValidToken(token) ? token : RetryConditions.IsStatusCode(token) ? null : RetryConditions.Closest(token);
                if (corrected is null)
                {
                    return null;
                }

                if (!tokens.Contains(corrected))
                {
                    tokens.Add(corrected);
                }
            }

            return tokens.Count == 0 ? null : string.Join(",", tokens);
        }

        private static bool AllValidWhenTrimmed(string retryOn)
        {
            foreach (string token in RetryConditions.Split(retryOn.Replace(" ", string.Empty)))
            {
                if (!RetryConditions.IsValidToken(token))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
