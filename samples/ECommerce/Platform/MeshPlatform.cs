using MeshAttributes;

// The case study's production install (Step 1, istio/istio-operator.yaml) and its namespace labels. Every
// [MeshPlatform] default is that install's value, so the attribute needs no arguments to reproduce it; the
// properties a platform team usually tunes are spelled out to show where they live.
[assembly: MeshPlatform(
    Name = "production-mesh",
    PilotReplicaCount = 2,
    PilotHpaMinReplicas = 2,
    PilotHpaMaxReplicas = 5,
    TracingSampling = 10.0,
    OutboundTrafficPolicy = OutboundTrafficPolicyMode.RegistryOnly,
    MutualTls = MutualTlsMode.Strict)]

// "kubectl label namespace default istio-injection=enabled" and "... staging ...".
[assembly: InjectNamespace("default")]
[assembly: InjectNamespace("staging")]
