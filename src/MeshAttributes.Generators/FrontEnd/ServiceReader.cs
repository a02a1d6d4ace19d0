using System.Collections.Generic;
using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>Reads the service-level attributes of an assembly or a <c>[MeshService]</c> class into a <see cref="ServiceSpec"/>.</summary>
    internal static class ServiceReader
    {
        // [MeshService(ServiceAccount)] and [AllowCaller(ServiceAccount)]. The attributes assembly is not referenced, so no nameof:
        // KnownNamesTests checks the name against both properties.
        internal const string ServiceAccountProperty = "ServiceAccount";

        /// <summary>The service declared on <paramref name="target"/>, without endpoints; null when it has no <c>[MeshService]</c>.</summary>
        public static ServiceSpec? Read(ISymbol target) => Read(target.GetAttributes());

        public static ServiceSpec? Read(ImmutableArray<AttributeData> attributes)
        {
            AttributeData? service = null;
            CircuitBreakerSpec? circuitBreaker = null;
            ConnectionPoolSpec? connectionPool = null;
            LoadBalancerSpec? loadBalancer = null;
            RetryBudgetSpec? retryBudget = null;
            MutualTlsSpec? mutualTls = null;
            OutboundTrafficPolicySpec? outboundTrafficPolicy = null;
            RetrySpec? retry = null;
            TimeoutSpec? timeout = null;
            AlertingSpec? alerting = null;
            var dependsOn = new List<DependencySpec>();
            var callers = new List<CallerSpec>();

            foreach (AttributeData a in attributes)
            {
                if (a.Is(KnownNames.MeshService))
                {
                    service = a;
                }
                else if (a.Is(KnownNames.CircuitBreaker))
                {
                    circuitBreaker = new CircuitBreakerSpec(
                        a.NamedInt("Consecutive5xxErrors"),
                        a.NamedInt("ConsecutiveGatewayErrors"),
                        a.NamedString("Interval"),
                        a.NamedString("BaseEjectionTime"),
                        a.NamedInt("MaxEjectionPercent"),
                        a.NamedInt("MinHealthPercent"));
                }
                else if (a.Is(KnownNames.ConnectionPool))
                {
                    connectionPool = new ConnectionPoolSpec(
                        a.NamedInt("MaxConnections"),
                        a.NamedString("ConnectTimeout"),
                        a.NamedInt("H2UpgradePolicy"),
                        a.NamedInt("Http1MaxPendingRequests"),
                        a.NamedInt("Http2MaxRequests"),
                        a.NamedInt("MaxRequestsPerConnection"),
                        a.NamedInt("MaxRetries"),
                        a.NamedString("IdleTimeout"));
                }
                else if (a.Is(KnownNames.LoadBalancer) && a.CtorInt(0) is int simple)
                {
                    loadBalancer = new LoadBalancerSpec(simple);
                }
                else if (a.Is(KnownNames.RetryBudget))
                {
                    retryBudget = new RetryBudgetSpec(a.NamedDouble("Percent"), a.NamedInt("MinRetryConcurrency"));
                }
                else if (a.Is(KnownNames.MutualTls) && a.CtorInt(0) is int mode)
                {
                    mutualTls = new MutualTlsSpec(mode);
                }
                else if (a.Is(KnownNames.OutboundTrafficPolicy) && a.CtorInt(0) is int outboundMode)
                {
                    outboundTrafficPolicy = new OutboundTrafficPolicySpec(outboundMode);
                }
                else if (a.Is(KnownNames.Retry))
                {
                    retry = ReadRetry(a);
                }
                else if (a.Is(KnownNames.Timeout))
                {
                    timeout = ReadTimeout(a);
                }
                else if (a.Is(KnownNames.Alerting))
                {
                    alerting = new AlertingSpec(
                        a.NamedDouble("ErrorRateWarning"),
                        a.NamedDouble("ErrorRateCritical"),
                        a.NamedString("LatencyP99"),
                        a.NamedString("RunbookUrl"));
                }
                else if (a.Is(KnownNames.DependsOn))
                {
                    dependsOn.Add(new DependencySpec(a.CtorString(0) ?? string.Empty, a.NamedString("Namespace")));
                }
                else if (a.Is(KnownNames.AllowCaller))
                {
                    callers.Add(new CallerSpec(a.CtorString(0) ?? string.Empty, a.NamedString("Namespace"), a.NamedString(ServiceAccountProperty)));
                }
            }

            if (service is null)
            {
                return null;
            }

            int? port = service.NamedInt("Port");
            return new ServiceSpec(
                service.CtorString(0) ?? string.Empty,
                service.NamedString("Namespace"),
                port,
                circuitBreaker,
                connectionPool,
                loadBalancer,
                retryBudget,
                mutualTls,
                retry,
                timeout,
                dependsOn.ToEquatableArray(),
                callers.ToEquatableArray(),
                alerting,
                EquatableArray<EndpointSpec>.Empty,
                service.NamedString(ServiceAccountProperty),
                outboundTrafficPolicy);
        }

        public static RetrySpec ReadRetry(AttributeData a) =>
            new(a.NamedInt("Attempts"), a.NamedString("PerTryTimeout"), a.NamedString("RetryOn"));

        public static TimeoutSpec ReadTimeout(AttributeData a) =>
            new(a.CtorString(0) ?? string.Empty);
    }
}
