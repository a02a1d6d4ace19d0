using System.Collections.Generic;
using System.Collections.Immutable;
using MeshAttributes.Core.Model;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.FrontEnd
{
    /// <summary>
    /// Reads <c>[assembly: MeshPlatform]</c> and the assembly's <c>[InjectNamespace]</c> attributes into a <see cref="PlatformSpec"/>.
    /// A property not written takes its <see cref="PlatformDefaults"/> value, the same as the attribute's initializer.
    /// </summary>
    internal static class PlatformReader
    {
        /// <summary>The platform the assembly declares; null without <c>[assembly: MeshPlatform]</c>.</summary>
        public static PlatformSpec? Read(ImmutableArray<AttributeData> attributes)
        {
            AttributeData? platform = null;
            var namespaces = new List<string>();
            foreach (AttributeData a in attributes)
            {
                if (a.Is(KnownNames.MeshPlatform))
                {
                    platform = a;
                }
                else if (a.Is(KnownNames.InjectNamespace))
                {
                    namespaces.Add(a.CtorString(0) ?? string.Empty);
                }
            }

            if (platform is null)
            {
                return null;
            }

            AttributeData p = platform;
            return new PlatformSpec(
                p.NamedString(nameof(MeshPlatformAttribute.Name)) ?? PlatformDefaults.Name,
                p.NamedString(nameof(MeshPlatformAttribute.Namespace)) ?? PlatformDefaults.Namespace,
                p.NamedString(nameof(MeshPlatformAttribute.Profile)) ?? PlatformDefaults.Profile,
                p.NamedString(nameof(MeshPlatformAttribute.AccessLogFile)) ?? PlatformDefaults.AccessLogFile,
                p.NamedInt(nameof(MeshPlatformAttribute.AccessLogEncoding)) ?? PlatformDefaults.AccessLogEncoding,
                p.NamedString(nameof(MeshPlatformAttribute.AccessLogFormat)) ?? PlatformDefaults.AccessLogFormat,
                p.NamedBool(nameof(MeshPlatformAttribute.EnableAutoMtls)) ?? PlatformDefaults.EnableAutoMtls,
                p.NamedDouble(nameof(MeshPlatformAttribute.TracingSampling)) ?? PlatformDefaults.TracingSampling,
                p.NamedBool(nameof(MeshPlatformAttribute.HoldApplicationUntilProxyStarts)) ?? PlatformDefaults.HoldApplicationUntilProxyStarts,
                p.NamedInt(nameof(MeshPlatformAttribute.OutboundTrafficPolicy)) ?? PlatformDefaults.OutboundTrafficPolicy,
                p.NamedInt(nameof(MeshPlatformAttribute.PilotReplicaCount)) ?? PlatformDefaults.PilotReplicaCount,
                p.NamedInt(nameof(MeshPlatformAttribute.PilotHpaMinReplicas)) ?? PlatformDefaults.PilotHpaMinReplicas,
                p.NamedInt(nameof(MeshPlatformAttribute.PilotHpaMaxReplicas)) ?? PlatformDefaults.PilotHpaMaxReplicas,
                new ResourcesSpec(
                    p.NamedString(nameof(MeshPlatformAttribute.PilotRequestsCpu)) ?? PlatformDefaults.PilotRequestsCpu,
                    p.NamedString(nameof(MeshPlatformAttribute.PilotRequestsMemory)) ?? PlatformDefaults.PilotRequestsMemory,
                    p.NamedString(nameof(MeshPlatformAttribute.PilotLimitsCpu)) ?? PlatformDefaults.PilotLimitsCpu,
                    p.NamedString(nameof(MeshPlatformAttribute.PilotLimitsMemory)) ?? PlatformDefaults.PilotLimitsMemory),
                p.NamedString(nameof(MeshPlatformAttribute.IngressGatewayName)) ?? PlatformDefaults.IngressGatewayName,
                p.NamedBool(nameof(MeshPlatformAttribute.IngressGatewayEnabled)) ?? PlatformDefaults.IngressGatewayEnabled,
                p.NamedInt(nameof(MeshPlatformAttribute.IngressGatewayReplicaCount)) ?? PlatformDefaults.IngressGatewayReplicaCount,
                new ResourcesSpec(
                    p.NamedString(nameof(MeshPlatformAttribute.IngressGatewayRequestsCpu)) ?? PlatformDefaults.IngressGatewayRequestsCpu,
                    p.NamedString(nameof(MeshPlatformAttribute.IngressGatewayRequestsMemory)) ?? PlatformDefaults.IngressGatewayRequestsMemory,
                    p.NamedString(nameof(MeshPlatformAttribute.IngressGatewayLimitsCpu)) ?? PlatformDefaults.IngressGatewayLimitsCpu,
                    p.NamedString(nameof(MeshPlatformAttribute.IngressGatewayLimitsMemory)) ?? PlatformDefaults.IngressGatewayLimitsMemory),
                p.NamedString(nameof(MeshPlatformAttribute.IngressGatewayServiceType)) ?? PlatformDefaults.IngressGatewayServiceType,
                new ResourcesSpec(
                    p.NamedString(nameof(MeshPlatformAttribute.ProxyRequestsCpu)) ?? PlatformDefaults.ProxyRequestsCpu,
                    p.NamedString(nameof(MeshPlatformAttribute.ProxyRequestsMemory)) ?? PlatformDefaults.ProxyRequestsMemory,
                    p.NamedString(nameof(MeshPlatformAttribute.ProxyLimitsCpu)) ?? PlatformDefaults.ProxyLimitsCpu,
                    p.NamedString(nameof(MeshPlatformAttribute.ProxyLimitsMemory)) ?? PlatformDefaults.ProxyLimitsMemory),
                p.NamedInt(nameof(MeshPlatformAttribute.MutualTls)) ?? PlatformDefaults.MutualTls,
                p.NamedString(nameof(MeshPlatformAttribute.MonitoringNamespace)) ?? PlatformDefaults.MonitoringNamespace,
                namespaces.ToEquatableArray());
        }
    }
}
