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
                p.NamedString("Name") ?? PlatformDefaults.Name,
                p.NamedString("Namespace") ?? PlatformDefaults.Namespace,
                p.NamedString("Profile") ?? PlatformDefaults.Profile,
                p.NamedString("AccessLogFile") ?? PlatformDefaults.AccessLogFile,
                p.NamedInt("AccessLogEncoding") ?? PlatformDefaults.AccessLogEncoding,
                p.NamedString("AccessLogFormat") ?? PlatformDefaults.AccessLogFormat,
                p.NamedBool("EnableAutoMtls") ?? PlatformDefaults.EnableAutoMtls,
                p.NamedDouble("TracingSampling") ?? PlatformDefaults.TracingSampling,
                p.NamedBool("HoldApplicationUntilProxyStarts") ?? PlatformDefaults.HoldApplicationUntilProxyStarts,
                p.NamedInt("OutboundTrafficPolicy") ?? PlatformDefaults.OutboundTrafficPolicy,
                p.NamedInt("PilotReplicaCount") ?? PlatformDefaults.PilotReplicaCount,
                p.NamedInt("PilotHpaMinReplicas") ?? PlatformDefaults.PilotHpaMinReplicas,
                p.NamedInt("PilotHpaMaxReplicas") ?? PlatformDefaults.PilotHpaMaxReplicas,
                new ResourcesSpec(
                    p.NamedString("PilotRequestsCpu") ?? PlatformDefaults.PilotRequestsCpu,
                    p.NamedString("PilotRequestsMemory") ?? PlatformDefaults.PilotRequestsMemory,
                    p.NamedString("PilotLimitsCpu") ?? PlatformDefaults.PilotLimitsCpu,
                    p.NamedString("PilotLimitsMemory") ?? PlatformDefaults.PilotLimitsMemory),
                p.NamedString("IngressGatewayName") ?? PlatformDefaults.IngressGatewayName,
                p.NamedBool("IngressGatewayEnabled") ?? PlatformDefaults.IngressGatewayEnabled,
                p.NamedInt("IngressGatewayReplicaCount") ?? PlatformDefaults.IngressGatewayReplicaCount,
                new ResourcesSpec(
                    p.NamedString("IngressGatewayRequestsCpu") ?? PlatformDefaults.IngressGatewayRequestsCpu,
                    p.NamedString("IngressGatewayRequestsMemory") ?? PlatformDefaults.IngressGatewayRequestsMemory,
                    p.NamedString("IngressGatewayLimitsCpu") ?? PlatformDefaults.IngressGatewayLimitsCpu,
                    p.NamedString("IngressGatewayLimitsMemory") ?? PlatformDefaults.IngressGatewayLimitsMemory),
                p.NamedString("IngressGatewayServiceType") ?? PlatformDefaults.IngressGatewayServiceType,
                new ResourcesSpec(
                    p.NamedString("ProxyRequestsCpu") ?? PlatformDefaults.ProxyRequestsCpu,
                    p.NamedString("ProxyRequestsMemory") ?? PlatformDefaults.ProxyRequestsMemory,
                    p.NamedString("ProxyLimitsCpu") ?? PlatformDefaults.ProxyLimitsCpu,
                    p.NamedString("ProxyLimitsMemory") ?? PlatformDefaults.ProxyLimitsMemory),
                p.NamedInt("MutualTls") ?? PlatformDefaults.MutualTls,
                p.NamedString("MonitoringNamespace") ?? PlatformDefaults.MonitoringNamespace,
                namespaces.ToEquatableArray());
        }
    }
}
