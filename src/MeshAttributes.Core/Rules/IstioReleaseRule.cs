using System.Collections.Generic;
using MeshAttributes.Core.Model;

namespace MeshAttributes.Core.Rules
{
    /// <summary>
    /// MESH009: the manifests must be ones the target Istio release (<c>MeshIstioVersion</c>) accepts: the property is a
    /// release MeshAttributes writes for, and no setting is newer than it (<see cref="IstioFeatures"/>). An older control
    /// plane rejects such a resource or drops the field, so the protection the attribute promises is silently absent.
    /// </summary>
    public static class IstioReleaseRule
    {
        public const string ResetBeforeRequest = "reset-before-request";

        public static readonly PolicyRule Rule = new(CheckService, CheckEndpoint);

        public static IReadOnlyList<Finding> Check(ServiceSpec service) => Rule.Check(service);

        private static void CheckService(ServiceSpec service, FindingSink findings)
        {
            if (VersionProblem(service.IstioVersion, $"of service '{service.Name}'") is string problem)
            {
                findings.Add(Finding(problem, new FindingTarget("MeshService")));
                return;
            }

            IstioRelease target = service.TargetIstio;
            CheckRetryOn(service, null, service.Retry?.RetryOn, null, findings);
            if (service.RetryBudget is not null && target < IstioFeatures.RetryBudget)
            {
                findings.Add(Finding(
                    $"[RetryBudget] of service '{service.Name}' becomes the DestinationRule's retryBudget, which Istio has from {IstioFeatures.RetryBudget}, but MeshIstioVersion is {target}: that release rejects the field or drops it, leaving retries uncapped; cap retries with [ConnectionPool(MaxRetries = ...)] instead, or set MeshIstioVersion to {IstioFeatures.RetryBudget} or later once the cluster runs it",
                    new FindingTarget("RetryBudget")));
            }
        }

        /// <summary>
        /// What is wrong with <c>MeshIstioVersion</c> as written (null: unset), or null when it is a release MeshAttributes writes
        /// for. <paramref name="whose"/> names the output nothing is written of (<c>of service 'orders'</c>, <c>of the platform</c>):
        /// the platform's resources follow the property as a service's do, and are refused for the same reasons.
        /// </summary>
        public static string? VersionProblem(string? written, string whose)
        {
            if (written is null)
            {
                return null;
            }

            if (!IstioRelease.TryParse(written, out IstioRelease parsed))
            {
                return $"MeshIstioVersion \"{written}\" is not an Istio release, so no manifest {whose} is written; set the MSBuild property to the release your cluster runs as major.minor, e.g. {IstioRelease.Example}";
            }

            return parsed < IstioRelease.Oldest
                ? $"MeshIstioVersion {parsed} is older than Istio {IstioRelease.Oldest}, the oldest release MeshAttributes writes manifests for, so no manifest {whose} is written; upgrade the cluster and set MeshIstioVersion to {IstioRelease.Oldest} or later, e.g. {IstioRelease.Example}"
                : null;
        }

        private static void CheckEndpoint(ServiceSpec service, EndpointSpec endpoint, int index, FindingSink findings) =>
            CheckRetryOn(service, endpoint, endpoint.Retry?.RetryOn, index, findings);

        private static void CheckRetryOn(ServiceSpec service, EndpointSpec? endpoint, string? retryOn, int? index, FindingSink findings)
        {
            // The cheap test first: the analyzer runs this on every endpoint, and almost none names the condition.
            if (retryOn is null || retryOn.IndexOf(ResetBeforeRequest, System.StringComparison.Ordinal) < 0)
            {
                return;
            }

            IstioRelease target = service.TargetIstio;
            if (target >= IstioFeatures.ResetBeforeRequest || !HasToken(retryOn, ResetBeforeRequest))
            {
                return;
            }

            string without = string.Join(",", System.Array.FindAll(RetryConditions.Split(retryOn), t => t != ResetBeforeRequest));
            string instead = without.Length > 0 ? $"write RetryOn = \"{without}\"" : "choose other conditions (e.g. \"connect-failure,refused-stream\")";
            findings.Add(Finding(
                $"RetryOn \"{retryOn}\" of {PolicyRules.Where(service, endpoint)} uses '{ResetBeforeRequest}', which Istio has from {IstioFeatures.ResetBeforeRequest}, but MeshIstioVersion is {target}: that release rejects the VirtualService; {instead}, or set MeshIstioVersion to {IstioFeatures.ResetBeforeRequest} or later once the cluster runs it",
                new FindingTarget("Retry", "RetryOn", index)));
        }

        // Whether the comma-separated list holds the token, split as Istio splits it.
        private static bool HasToken(string retryOn, string token)
        {
            foreach (string t in RetryConditions.Split(retryOn))
            {
                if (t == token)
                {
                    return true;
                }
            }

            return false;
        }

        private static Finding Finding(string message, FindingTarget target) =>
            new(RuleIds.NotInIstioRelease, FindingSeverity.Error, message, target);
    }
}
