using System.Collections.Immutable;
using MeshAttributes.Core.Rules;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.Analyzers
{
    /// <summary>
    /// Every descriptor, in catalog order. The message is the finding's own (it names the values and what to write instead),
    /// so each format is <c>{0}</c>. Errors are errors by default; severities are configurable the standard way (.editorconfig,
    /// WarningsAsErrors), and the generator refuses to render an invalid value whatever severity the user picks.
    /// Only MESH107, reported when the whole compilation is known, carries the CompilationEnd tag: the IDE takes an id so tagged
    /// for build-only.
    /// </summary>
    public static class Descriptors
    {
        public static readonly DiagnosticDescriptor InvalidDuration = Create(RuleIds.InvalidDuration, "Not an Istio duration", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "A duration must be one Istio accepts: Go duration syntax (10s, 250ms, 1h30m), a whole number of milliseconds, at least 1ms. Istio rejects anything else, so no manifest is written.");

        public static readonly DiagnosticDescriptor InvalidRetryOn = Create(RuleIds.InvalidRetryOn, "Unknown RetryOn condition", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "Every RetryOn token must be a retry condition Istio knows or an HTTP status code, with no spaces: Istio splits the list on ',' without trimming.");

        public static readonly DiagnosticDescriptor OutOfRange = Create(RuleIds.OutOfRange, "Value out of range", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "Percentages lie in 0-100, counts are not negative, ports lie in 1-65535 and enum values must be defined.");

        public static readonly DiagnosticDescriptor InvalidName = Create(RuleIds.InvalidName, "Not a valid Kubernetes name or label", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "Service and namespace names must be DNS-1123 labels, service account names DNS-1123 subdomains and MeshPrometheusRuleLabels Kubernetes labels, or Kubernetes rejects the resources (or, for a service account, no pod can run as it).");

        public static readonly DiagnosticDescriptor ServiceScope = Create(RuleIds.ServiceScope, "Policy attribute without its service", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "A policy attribute needs a [MeshService] in scope (the assembly's, or the class it sits on), and each service is declared once; otherwise the policy is silently dropped or ambiguous.");

        public static readonly DiagnosticDescriptor ConflictingSettings = Create(RuleIds.ConflictingSettings, "Settings Istio ignores together", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "Some settings cannot mean anything together, e.g. PerTryTimeout or RetryOn with Attempts = 0, which turns retries off.");

        public static readonly DiagnosticDescriptor InvalidAlertThreshold = Create(RuleIds.InvalidAlertThreshold, "Alert threshold out of range", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "ErrorRateWarning and ErrorRateCritical are ratios of 5xx responses: finite, at least 0 and below 1. Anything else either never fires or always fires, so no alert rule or dashboard is written.");

        public static readonly DiagnosticDescriptor InvertedAlertThresholds = Create(RuleIds.InvertedAlertThresholds, "Warning threshold not below the critical one", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "ServiceHighErrorRate must fire before ServiceCriticalErrorRate: ErrorRateWarning (default 0.05) must be lower than ErrorRateCritical (default 0.20).");

        public static readonly DiagnosticDescriptor NotInIstioRelease = Create(RuleIds.NotInIstioRelease, "Not in the target Istio release", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "MeshIstioVersion names the Istio release the cluster runs: it must be a release MeshAttributes writes for (major.minor, 1.20 or later), and a setting that release does not have (reset-before-request before 1.23, RetryBudget before 1.27) is rejected or silently dropped by its control plane, so no manifest carrying it is written.");

        public static readonly DiagnosticDescriptor NonIdempotentRetry = Create(RuleIds.NonIdempotentRetry, "Non-idempotent endpoint retried on replaying conditions", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "POST and PATCH are not idempotent: retrying them on conditions other than connect-failure, refused-stream or reset-before-request can run a request the app already processed twice (double charges).");

        public static readonly DiagnosticDescriptor RetriesExceedTimeout = Create(RuleIds.RetriesExceedTimeout, "Retries do not fit in the timeout", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "The route Timeout bounds every try and back-off: when (Attempts + 1) x PerTryTimeout plus back-off exceeds it, later retries are cut short or never run.");

        public static readonly DiagnosticDescriptor UnboundedRetry = Create(RuleIds.UnboundedRetry, "Retries without a Timeout or PerTryTimeout", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "Istio's route timeout is off by default, and without PerTryTimeout each try may use the whole route timeout, so a timed-out try is never retried.");

        public static readonly DiagnosticDescriptor UncappedRetries = Create(RuleIds.UncappedRetries, "Retries not capped", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "Without ConnectionPool.MaxRetries or a RetryBudget, Istio sets Envoy's max_retries to 2^32-1: retries are unbounded across requests and turn a degradation into a retry storm.");

        public static readonly DiagnosticDescriptor EjectAllHosts = Create(RuleIds.EjectAllHosts, "Circuit breaker can eject every host", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "MaxEjectionPercent = 100 with MinHealthPercent 0 lets outlier detection eject every host, and Envoy then answers 503 no healthy upstream.");

        public static readonly DiagnosticDescriptor ShadowedGatewayErrors = Create(RuleIds.ShadowedGatewayErrors, "ConsecutiveGatewayErrors has no effect", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "Gateway errors are also 5xx: a ConsecutiveGatewayErrors threshold at or above Consecutive5xxErrors never trips first.");

        public static readonly DiagnosticDescriptor MutualTlsNotStrict = Create(RuleIds.MutualTlsNotStrict, "Mutual TLS not STRICT", DiagnosticCategories.Security, DiagnosticSeverity.Warning, "PERMISSIVE or DISABLE accepts plaintext callers without an identity, defeating [AllowCaller] and encryption.");

        public static readonly DiagnosticDescriptor StackedRetries = Create(RuleIds.StackedRetries, "In-app retries stacked on mesh retries", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "Retrying in the app and in the mesh multiplies attempts: a failing service receives (app retries + 1) x (mesh attempts + 1) requests per call.", WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor EndpointNotRouted = Create(RuleIds.EndpointNotRouted, "Endpoint not routed", DiagnosticCategories.Coverage, DiagnosticSeverity.Info, "An endpoint carries [Retry], [Timeout] or [Idempotent], but its route or HTTP methods cannot be known at compile time (computed at run time, a group passed in as a parameter, a local assigned more than once, conventional routing), so it gets no route of its own rather than a guessed one.");

        public static readonly DiagnosticDescriptor InvalidQuantity = Create(RuleIds.InvalidQuantity, "Not a Kubernetes resource quantity", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "CPU and memory requests and limits are Kubernetes quantities: a non-negative number with at most one suffix (200m, 0.5, 256Mi, 1Gi). Kubernetes rejects anything else, so the install file is not written.");

        public static readonly DiagnosticDescriptor InvertedReplicaBounds = Create(RuleIds.InvertedReplicaBounds, "Autoscaler bounds Kubernetes rejects", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "A HorizontalPodAutoscaler needs minReplicas of at least 1 and not above maxReplicas; Kubernetes rejects istiod's autoscaler otherwise.");

        public static readonly DiagnosticDescriptor RequestAboveLimit = Create(RuleIds.RequestAboveLimit, "Resource request above its limit", DiagnosticCategories.Validity, DiagnosticSeverity.Error, "Kubernetes rejects a container whose CPU or memory request exceeds its limit, so the pods would never be created.");

        public static readonly DiagnosticDescriptor SingleIstiodReplica = Create(RuleIds.SingleIstiodReplica, "Fewer than two istiod replicas", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "With one istiod, every restart of it (node drain, upgrade, OOM kill) stops configuration and certificate pushes and the sidecar-injection webhook, so new pods cannot start.");

        public static readonly DiagnosticDescriptor AllowAnyWithDependencies = Create(RuleIds.AllowAnyWithDependencies, "ALLOW_ANY outbound while services declare their dependencies", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "With outboundTrafficPolicy ALLOW_ANY, a call to a host a service did not declare leaves through the PassthroughCluster with no retries, timeouts, circuit breaking or per-service metrics, so a missing [DependsOn] goes unnoticed.", WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor MeshMutualTlsNotStrict = Create(RuleIds.MeshMutualTlsNotStrict, "Mesh-wide mutual TLS not STRICT", DiagnosticCategories.Security, DiagnosticSeverity.Warning, "The mesh-wide PeerAuthentication applies to every workload without its own: PERMISSIVE or DISABLE lets any pod call them in plaintext, without an identity.");

        public static readonly DiagnosticDescriptor AppStartsBeforeProxy = Create(RuleIds.AppStartsBeforeProxy, "Application may start before its sidecar", DiagnosticCategories.Reliability, DiagnosticSeverity.Warning, "Without holdApplicationUntilProxyStarts, an application's first outbound calls can run before its sidecar is ready and fail, so pods crash-loop or start half-configured.");

        /// <summary>What <see cref="MeshPlatformAnalyzer"/> reports: the platform's own rules, and those it shares with services.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> Platform = ImmutableArray.Create(
            OutOfRange,
            InvalidName,
            ServiceScope,
            InvalidQuantity,
            InvertedReplicaBounds,
            RequestAboveLimit,
            SingleIstiodReplica,
            AllowAnyWithDependencies,
            MeshMutualTlsNotStrict,
            AppStartsBeforeProxy,
            NotInIstioRelease);

        /// <summary>
        /// Reported by the generator, not the analyzer. Not configurable: a severity lowered in .editorconfig would let the
        /// build succeed with the service's manifests missing, which is what this error exists to prevent.
        /// </summary>
        public static readonly DiagnosticDescriptor GeneratorFailure = Create(RuleIds.GeneratorFailure, "MeshAttributes' generator failed", DiagnosticCategories.Generator, DiagnosticSeverity.Error, "An unexpected exception inside MeshAttributes' source generator. The service's manifests are not written and the build fails, rather than succeed with manifests missing or stale. This is a bug in MeshAttributes: report it with the message.", WellKnownDiagnosticTags.NotConfigurable);

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            InvalidDuration,
            InvalidRetryOn,
            OutOfRange,
            InvalidName,
            ServiceScope,
            ConflictingSettings,
            InvalidAlertThreshold,
            InvertedAlertThresholds,
            NotInIstioRelease,
            NonIdempotentRetry,
            RetriesExceedTimeout,
            UnboundedRetry,
            UncappedRetries,
            EjectAllHosts,
            ShadowedGatewayErrors,
            MutualTlsNotStrict,
            StackedRetries,
            EndpointNotRouted,
            InvalidQuantity,
            InvertedReplicaBounds,
            RequestAboveLimit,
            SingleIstiodReplica,
            AllowAnyWithDependencies,
            MeshMutualTlsNotStrict,
            AppStartsBeforeProxy,
            GeneratorFailure);

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = ImmutableDictionary.CreateRange(
            System.Linq.Enumerable.Select(All, d => new System.Collections.Generic.KeyValuePair<string, DiagnosticDescriptor>(d.Id, d)));

        /// <summary>The descriptor of a Core finding's rule id.</summary>
        public static DiagnosticDescriptor ForId(string id) => ById[id];

        private static DiagnosticDescriptor Create(string id, string title, string category, DiagnosticSeverity severity, string description, params string[] tags) =>
            new(id, title, "{0}", category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinks.For(id), customTags: tags);
    }
}
