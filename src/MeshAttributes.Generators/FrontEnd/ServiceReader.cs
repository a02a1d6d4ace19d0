using System.Collections.Generic;
using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>Reads the service-level attributes of an assembly or a <c>[MeshService]</c> class into a <see cref="ServiceSpec"/>.</summary>
    internal static class ServiceReader
    {
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
                        a.NamedInt(nameof(CircuitBreakerAttribute.Consecutive5xxErrors)),
                        a.NamedInt(nameof(CircuitBreakerAttribute.ConsecutiveGatewayErrors)),
                        a.NamedString(nameof(CircuitBreakerAttribute.Interval)),
                        a.NamedString(nameof(CircuitBreakerAttribute.BaseEjectionTime)),
                        a.NamedInt(nameof(CircuitBreakerAttribute.MaxEjectionPercent)),
                        a.NamedInt(nameof(CircuitBreakerAttribute.MinHealthPercent)));
                }
                else if (a.Is(KnownNames.ConnectionPool))
                {
                    connectionPool = new ConnectionPoolSpec(
                        a.NamedInt(nameof(ConnectionPoolAttribute.MaxConnections)),
                        a.NamedString(nameof(ConnectionPoolAttribute.ConnectTimeout)),
                        a.NamedInt(nameof(ConnectionPoolAttribute.H2UpgradePolicy)),
                        a.NamedInt(nameof(ConnectionPoolAttribute.Http1MaxPendingRequests)),
                        a.NamedInt(nameof(ConnectionPoolAttribute.Http2MaxRequests)),
                        a.NamedInt(nameof(ConnectionPoolAttribute.MaxRequestsPerConnection)),
                        a.NamedInt(nameof(ConnectionPoolAttribute.MaxRetries)),
                        a.NamedString(nameof(ConnectionPoolAttribute.IdleTimeout)));
                }
                else if (a.Is(KnownNames.LoadBalancer) && a.CtorInt(0) is int simple)
                {
                    loadBalancer = new LoadBalancerSpec(simple);
                }
                else if (a.Is(KnownNames.RetryBudget))
                {
                    retryBudget = new RetryBudgetSpec(a.NamedDouble(nameof(RetryBudgetAttribute.Percent)), a.NamedInt(nameof(RetryBudgetAttribute.MinRetryConcurrency)));
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
                        a.NamedDouble(nameof(AlertingAttribute.ErrorRateWarning)),
                        a.NamedDouble(nameof(AlertingAttribute.ErrorRateCritical)),
                        a.NamedString(nameof(AlertingAttribute.LatencyP99)),
                        a.NamedString(nameof(AlertingAttribute.RunbookUrl)));
                }
                else if (a.Is(KnownNames.DependsOn))
                {
                    dependsOn.Add(new DependencySpec(a.CtorString(0) ?? string.Empty, a.NamedString(nameof(DependsOnAttribute.Namespace))));
                }
                else if (a.Is(KnownNames.AllowCaller))
                {
                    callers.Add(new CallerSpec(a.CtorString(0) ?? string.Empty, a.NamedString(nameof(AllowCallerAttribute.Namespace)), a.NamedString(nameof(AllowCallerAttribute.ServiceAccount))));
                }
            }

            if (service is null)
            {
                return null;
            }

            int? port = service.NamedInt(nameof(MeshServiceAttribute.Port));
            return new ServiceSpec(
                service.CtorString(0) ?? string.Empty,
                service.NamedString(nameof(MeshServiceAttribute.Namespace)),
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
                service.NamedString(nameof(MeshServiceAttribute.ServiceAccount)),
                outboundTrafficPolicy);
        }

        public static RetrySpec ReadRetry(AttributeData a) =>
            new(a.NamedInt(nameof(RetryAttribute.Attempts)), a.NamedString(nameof(RetryAttribute.PerTryTimeout)), a.NamedString(nameof(RetryAttribute.RetryOn)));

        public static TimeoutSpec ReadTimeout(AttributeData a) =>
            new(a.CtorString(0) ?? string.Empty);
    }
}
