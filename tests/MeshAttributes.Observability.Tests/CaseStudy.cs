using System.Collections.Generic;
using System.Linq;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing;

namespace MeshAttributes.Observability.Tests
{
    /// <summary>
    /// The case study's services as the front-end would model them (built directly: Core needs no Roslyn). Their
    /// <c>[Alerting]</c> differ on purpose, so tests can tell per-service thresholds from the defaults.
    /// </summary>
    internal static class CaseStudy
    {
        public const string Namespace = "default";

        /// <summary>No <c>[Alerting]</c> but a runbook: the case study's thresholds.</summary>
        public static ServiceSpec Checkout { get; } = Service("checkout-service",
            circuitBreaker: new CircuitBreakerSpec(3, null, "10s", "30s", 50, 30),
            alerting: new AlertingSpec(null, null, null, "https://runbooks.example.com/checkout-service"));

        /// <summary>The service of the $180K incident: no <c>[Alerting]</c> at all, so every default applies.</summary>
        public static ServiceSpec Inventory { get; } = Service("inventory-service",
            circuitBreaker: new CircuitBreakerSpec(2, null, "10s", "60s", 30, null));

        /// <summary>Payments page earlier: tighter error rates and P99 above 1s. Retries capped, no outlier detection.</summary>
        public static ServiceSpec Payment { get; } = Service("payment-service",
            alerting: new AlertingSpec(0.02, 0.10, "1s", "https://runbooks.example.com/payment-service"),
            connectionPool: new ConnectionPoolSpec(null, null, null, null, null, null, 3, null));

        /// <summary>Only the latency threshold says something, and it says the default.</summary>
        public static ServiceSpec Shipping { get; } = Service("shipping-service",
            alerting: new AlertingSpec(null, null, "2s", null));

        public static IReadOnlyList<ServiceSpec> All { get; } = new[] { Checkout, Inventory, Payment, Shipping };

        public static ServiceSpec Service(
            string name,
            string? @namespace = Namespace,
            AlertingSpec? alerting = null,
            CircuitBreakerSpec? circuitBreaker = null,
            ConnectionPoolSpec? connectionPool = null,
            RetryBudgetSpec? retryBudget = null) =>
            new(name, @namespace, 8080, circuitBreaker, connectionPool, null, retryBudget, null, null, null,
                EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, alerting, EquatableArray<EndpointSpec>.Empty);

        /// <summary>The rule groups of every given service's generated <c>prometheusrule.yaml</c>, in one file.</summary>
        public static RuleFile Rules(IEnumerable<ServiceSpec> services) =>
            RuleFile.FromPrometheusRules(services.Select(s => File(s, "prometheusrule.yaml")));

        /// <summary><see cref="RuleFile.Expect"/> for the rule of <paramref name="service"/>.</summary>
        public static ExpectedAlert Expect(this RuleFile rules, ServiceSpec service, string alert, IReadOnlyDictionary<string, string> exprLabels, string? humanizedValue = null) =>
            rules.Expect(service.Name, service.EffectiveNamespace, alert, exprLabels, humanizedValue);

        /// <summary>The text of one rendered file of <paramref name="service"/>, failing when it was not rendered.</summary>
        public static string File(ServiceSpec service, string fileName)
        {
            RenderedService rendered = ServiceRenderer.Render(service);
            string path = service.Name + "/" + fileName;
            return rendered.Files.FirstOrDefault(f => f.Path == path)?.Content
                ?? throw new Xunit.Sdk.XunitException($"{path} was not rendered; errors: {string.Join("; ", rendered.Errors.Select(e => e.Id + " " + e.Message))}");
        }
    }
}
