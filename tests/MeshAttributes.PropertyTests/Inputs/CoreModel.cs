using System.Collections.Immutable;
using System.Linq;
using MeshAttributes.Core.Model;

namespace MeshAttributes.PropertyTests.Inputs
{
    /// <summary>
    /// A <see cref="ServiceCase"/> as Core's model, the way the front-end reads it, for the properties that run the rules
    /// and renderers without compiling: the bulk of the cases.
    /// </summary>
    internal static class CoreModel
    {
        public static ServiceSpec From(ServiceCase c) => new(
            c.Name,
            c.Namespace,
            c.Port,
            c.CircuitBreaker is { } cb ? new CircuitBreakerSpec(cb.Consecutive5xxErrors, cb.ConsecutiveGatewayErrors, cb.Interval, cb.BaseEjectionTime, cb.MaxEjectionPercent, cb.MinHealthPercent) : null,
            c.ConnectionPool is { } p ? new ConnectionPoolSpec(p.MaxConnections, p.ConnectTimeout, p.H2UpgradePolicy, p.Http1MaxPendingRequests, p.Http2MaxRequests, p.MaxRequestsPerConnection, p.MaxRetries, p.IdleTimeout) : null,
            c.LoadBalancer is int lb ? new LoadBalancerSpec(lb) : null,
            c.RetryBudget is { } b ? new RetryBudgetSpec(b.Percent, b.MinRetryConcurrency) : null,
            c.MutualTls is int m ? new MutualTlsSpec(m) : null,
            Retry(c.Retry),
            c.Timeout is { } t ? new TimeoutSpec(t) : null,
            c.DependsOn.Select(d => new DependencySpec(d.Service, d.Namespace)).ToEquatableArray(),
            c.AllowCallers.Select(a => new CallerSpec(a.Service, a.Namespace, a.ServiceAccount)).ToEquatableArray(),
            c.Alerting is { } a ? new AlertingSpec(a.ErrorRateWarning, a.ErrorRateCritical, a.LatencyP99, a.RunbookUrl) : null,
            c.Endpoints.Select((e, i) => new EndpointSpec(
                "E" + i + ".Handle",
                e.Methods.ToEquatableArray(),
                Oracle.Expectation.Template(e),
                Retry(e.Retry),
                e.Timeout is { } et ? new TimeoutSpec(et) : null,
                e.Idempotent)).ToEquatableArray());

        private static RetrySpec? Retry(RetryCase? r) => r is null ? null : new RetrySpec(r.Attempts, r.PerTryTimeout, r.RetryOn);
    }
}
