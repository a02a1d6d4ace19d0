using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;

namespace MeshAttributes.Core.Rules.Platform
{
    /// <summary>
    /// The rules on <c>[assembly: MeshPlatform]</c>: values Kubernetes or Istio would reject (MESH003, MESH004, MESH010–MESH012),
    /// a <c>MeshIstioVersion</c> that is not a release MeshAttributes writes for (MESH009) and settings that cause outages
    /// (MESH108–MESH111). Findings target <c>MeshPlatform</c> and the property, the <c>InjectNamespace</c> attribute by item, or
    /// <c>MeshPlatform</c> without a property when nothing of the platform can be written. Both the generator (errors refuse
    /// files) and the analyzer run them.
    /// </summary>
    public static class PlatformRules
    {
        public const string Attribute = "MeshPlatform";
        public const string InjectNamespaceAttribute = "InjectNamespace";

        private static readonly string[] ServiceTypes = { "ClusterIP", "NodePort", "LoadBalancer" };

        /// <summary>
        /// Every finding on <paramref name="platform"/>. <paramref name="servicesWithDependencies"/> names the services the same
        /// project declares with <c>[DependsOn]</c> (MESH109); the generator, which reports nothing, passes none.
        /// </summary>
        public static ImmutableArray<Finding> Evaluate(PlatformSpec platform, IReadOnlyList<string> servicesWithDependencies)
        {
            var findings = new FindingSink();
            IstioVersion(platform, findings);
            Names(platform, findings);
            Labels(platform, findings);
            Ranges(platform, findings);
            Resources(platform.PilotResources, "Pilot", "istiod", findings);
            Resources(platform.IngressGatewayResources, "IngressGateway", "the ingress gateway", findings);
            Resources(platform.ProxyResources, "Proxy", "every sidecar", findings);
            Replicas(platform, findings);
            Warnings(platform, servicesWithDependencies, findings);
            return findings.ToImmutable();
        }

        // Every field the platform writes exists from IstioRelease.Oldest on (the IstioOperator's meshConfig, defaultConfig and
        // components fields date from Istio 1.7–1.10), and the PeerAuthentication's apiVersion follows the target: only the
        // property itself can be wrong, and then no file is written, as for a service.
        private static void IstioVersion(PlatformSpec p, FindingSink findings)
        {
            if (IstioReleaseRule.VersionProblem(p.IstioVersion, "of the platform") is string problem)
            {
                findings.Add(new Finding(RuleIds.NotInIstioRelease, FindingSeverity.Error, problem, new FindingTarget(Attribute)));
            }
        }

        // The same MESH004 finding as a service's (NameRule), on the property: it refuses the one file that carries the labels.
        private static void Labels(PlatformSpec p, FindingSink findings)
        {
            if (PrometheusRuleLabels.Parse(p.PrometheusRuleLabels).Error is string labelError)
            {
                findings.Add(new Finding(RuleIds.InvalidName, FindingSeverity.Error, labelError, new FindingTarget(Attribute, PrometheusRuleLabels.Property)));
            }
        }

        private static void Names(PlatformSpec p, FindingSink findings)
        {
            Label(p.Name, "Name", "the IstioOperator's name", findings);
            Label(p.Namespace, "Namespace", "the control plane's namespace", findings);
            Label(p.MonitoringNamespace, "MonitoringNamespace", "the monitoring namespace", findings);
            Label(p.IngressGatewayName, "IngressGatewayName", "the ingress gateway's name", findings);
            for (int i = 0; i < p.InjectNamespaces.Count; i++)
            {
                string name = p.InjectNamespaces[i];
                if (!DnsLabel.IsValid(name))
                {
                    findings.Add(new Finding(
                        RuleIds.InvalidName,
                        FindingSeverity.Error,
                        $"[InjectNamespace(\"{name}\")] is not a DNS-1123 label (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit), so Kubernetes rejects the Namespace{Suggestion(name)}",
                        new FindingTarget(InjectNamespaceAttribute, "Name", Item: i)));
                }
            }
        }

        private static void Label(string value, string property, string what, FindingSink findings)
        {
            if (!DnsLabel.IsValid(value))
            {
                findings.Add(new Finding(
                    RuleIds.InvalidName,
                    FindingSeverity.Error,
                    $"MeshPlatform.{property} is \"{value}\", {what}, but it is not a DNS-1123 label (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit){Suggestion(value)}",
                    new FindingTarget(Attribute, property)));
            }
        }

        private static string Suggestion(string value) => DnsLabel.Suggest(value) is string s ? $"; write \"{s}\"" : "; write a name such as \"default\"";

        private static void Ranges(PlatformSpec p, FindingSink findings)
        {
            if (!(p.TracingSampling >= 0 && p.TracingSampling <= 100))
            {
                OutOfRange($"MeshPlatform.TracingSampling is {Number(p.TracingSampling)}, but it is the percentage of requests traced; write a value from 0 to 100 (10 traces one request in ten)", "TracingSampling", findings);
            }

            if (p.PilotReplicaCount < 0)
            {
                OutOfRange($"MeshPlatform.PilotReplicaCount is {p.PilotReplicaCount}, but it counts istiod's pods and cannot be negative; write 2 or more", "PilotReplicaCount", findings);
            }

            if (p.IngressGatewayReplicaCount < 0)
            {
                OutOfRange($"MeshPlatform.IngressGatewayReplicaCount is {p.IngressGatewayReplicaCount}, but it counts the gateway's pods and cannot be negative; write 0 to leave it to the gateway's autoscaler, or 2 or more", "IngressGatewayReplicaCount", findings);
            }

            Enum(p.AccessLogEncoding, IstioEnums.AccessLogEncoding(p.AccessLogEncoding), "AccessLogEncoding", "AccessLogEncoding", findings);
            Enum(p.OutboundTrafficPolicy, IstioEnums.OutboundTrafficPolicyMode(p.OutboundTrafficPolicy), "OutboundTrafficPolicy", "OutboundTrafficPolicyMode", findings);
            Enum(p.MutualTls, IstioEnums.MutualTlsMode(p.MutualTls), "MutualTls", "MutualTlsMode", findings);

            if (System.Array.IndexOf(ServiceTypes, p.IngressGatewayServiceType) < 0)
            {
                OutOfRange($"MeshPlatform.IngressGatewayServiceType is \"{p.IngressGatewayServiceType}\", which is not a Service type a gateway can have; write \"LoadBalancer\", \"NodePort\" or \"ClusterIP\" (case matters)", "IngressGatewayServiceType", findings);
            }
        }

        private static void Enum(int value, string? istioName, string property, string enumName, FindingSink findings)
        {
            if (istioName is null)
            {
                OutOfRange($"MeshPlatform.{property} is ({enumName}){value}, which is not a defined {enumName} value; use one of the {enumName} members", property, findings);
            }
        }

        private static void OutOfRange(string message, string property, FindingSink findings) =>
            findings.Add(new Finding(RuleIds.OutOfRange, FindingSeverity.Error, message, new FindingTarget(Attribute, property)));

        private static void Resources(ResourcesSpec r, string component, string who, FindingSink findings)
        {
            Pair(r.RequestsCpu, r.LimitsCpu, component, "Cpu", who, findings);
            Pair(r.RequestsMemory, r.LimitsMemory, component, "Memory", who, findings);
        }

        private static void Pair(string request, string limit, string component, string resource, string who, FindingSink findings)
        {
            double? requested = Quantity(request, component + "Requests" + resource, findings);
            double? limited = Quantity(limit, component + "Limits" + resource, findings);
            if (requested > limited)
            {
                findings.Add(new Finding(
                    RuleIds.RequestAboveLimit,
                    FindingSeverity.Error,
                    $"MeshPlatform.{component}Requests{resource} is {request}, above {component}Limits{resource} {limit}: Kubernetes rejects a container whose request exceeds its limit, so {who} would not start; lower the request to {limit} or less, or raise the limit",
                    new FindingTarget(Attribute, component + "Requests" + resource)));
            }
        }

        private static double? Quantity(string value, string property, FindingSink findings)
        {
            double? parsed = ResourceQuantity.Parse(value);
            if (parsed is null)
            {
                findings.Add(new Finding(
                    RuleIds.InvalidQuantity,
                    FindingSeverity.Error,
                    $"MeshPlatform.{property} is \"{value}\", which is not a Kubernetes resource quantity; write a non-negative number with at most one suffix, e.g. \"200m\" or \"0.5\" (CPU) or \"256Mi\" or \"1Gi\" (memory)",
                    new FindingTarget(Attribute, property)));
            }

            return parsed;
        }

        private static void Replicas(PlatformSpec p, FindingSink findings)
        {
            if (p.PilotHpaMinReplicas < 1)
            {
                findings.Add(new Finding(
                    RuleIds.InvertedReplicaBounds,
                    FindingSeverity.Error,
                    $"MeshPlatform.PilotHpaMinReplicas is {p.PilotHpaMinReplicas}, but a HorizontalPodAutoscaler needs minReplicas of at least 1; write 2 or more so istiod survives a node drain",
                    new FindingTarget(Attribute, "PilotHpaMinReplicas")));
            }
            else if (p.PilotHpaMinReplicas > p.PilotHpaMaxReplicas)
            {
                findings.Add(new Finding(
                    RuleIds.InvertedReplicaBounds,
                    FindingSeverity.Error,
                    $"MeshPlatform.PilotHpaMinReplicas is {p.PilotHpaMinReplicas}, above PilotHpaMaxReplicas {p.PilotHpaMaxReplicas}: Kubernetes rejects the HorizontalPodAutoscaler; raise PilotHpaMaxReplicas to {p.PilotHpaMinReplicas} or more, or lower the minimum",
                    new FindingTarget(Attribute, "PilotHpaMaxReplicas")));
            }
        }

        private static void Warnings(PlatformSpec p, IReadOnlyList<string> servicesWithDependencies, FindingSink findings)
        {
            if (p.PilotReplicaCount >= 0 && p.PilotReplicaCount < 2)
            {
                SingleReplica($"MeshPlatform.PilotReplicaCount is {p.PilotReplicaCount}", "PilotReplicaCount", findings);
            }

            if (p.PilotHpaMinReplicas == 1)
            {
                SingleReplica("MeshPlatform.PilotHpaMinReplicas is 1, so the autoscaler may scale istiod down to one pod", "PilotHpaMinReplicas", findings);
            }

            if (p.OutboundTrafficPolicy == 1 && servicesWithDependencies.Count > 0)
            {
                findings.Add(new Finding(
                    RuleIds.AllowAnyWithDependencies,
                    FindingSeverity.Warning,
                    $"MeshPlatform.OutboundTrafficPolicy is AllowAny while {string.Join(", ", servicesWithDependencies)} declare their dependencies with [DependsOn]: a call to a host they do not declare still leaves the pod, through the PassthroughCluster, with none of the mesh's retries, timeouts, circuit breaking or per-service metrics, so a missing [DependsOn] goes unnoticed until it matters; write OutboundTrafficPolicy = OutboundTrafficPolicyMode.RegistryOnly (the default), which fails such a call at once with a 502",
                    new FindingTarget(Attribute, "OutboundTrafficPolicy")));
            }

            if (p.MutualTls != 0 && IstioEnums.MutualTlsMode(p.MutualTls) is string mode)
            {
                string accepts = mode == "DISABLE" ? "only plaintext" : "plaintext as well as mutual TLS";
                findings.Add(new Finding(
                    RuleIds.MeshMutualTlsNotStrict,
                    FindingSeverity.Warning,
                    $"MeshPlatform.MutualTls is {mode}, so every workload without a PeerAuthentication of its own accepts {accepts}: any pod, meshed or not, can call it without an identity, and traffic can be read on the wire; write MutualTls = MutualTlsMode.Strict (the default) once every workload has a sidecar",
                    new FindingTarget(Attribute, "MutualTls"))
                    .With(FindingProperties.Replacement, "Strict"));
            }

            if (!p.HoldApplicationUntilProxyStarts)
            {
                findings.Add(new Finding(
                    RuleIds.AppStartsBeforeProxy,
                    FindingSeverity.Warning,
                    "MeshPlatform.HoldApplicationUntilProxyStarts is false, so an application container may start before its sidecar is ready: its first outbound calls (configuration, database, other services) are refused while traffic is already redirected to the proxy, and the pod crash-loops or starts half-configured; write HoldApplicationUntilProxyStarts = true (the default)",
                    new FindingTarget(Attribute, "HoldApplicationUntilProxyStarts"))
                    .With(FindingProperties.Replacement, "true"));
            }
        }

        private static void SingleReplica(string what, string property, FindingSink findings) =>
            findings.Add(new Finding(
                RuleIds.SingleIstiodReplica,
                FindingSeverity.Warning,
                $"{what}, fewer than two istiod replicas: while the one left restarts (a node drain, an upgrade, an OOM kill) no sidecar gets new configuration or certificates, and with the injection webhook down new pods cannot be created; write 2 or more (the default is 2, with an autoscaler from 2 to 5)",
                new FindingTarget(Attribute, property)));

        private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    }
}
