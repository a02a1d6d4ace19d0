using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshAttributes.Core.Manifests;
using MeshAttributes.Core.Mesh;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;

namespace MeshAttributes.Cli.Tests
{
    /// <summary>Builds meshes for tests: services declared as the attributes would, rendered by the generator's own renderer.</summary>
    internal static class Mesh
    {
        public static ServiceSpec Service(string name, params string[] dependsOn) => new(
            name, null, null, null, null, null, null, null, null, null,
            dependsOn.Select(d => new DependencySpec(d, null)).ToEquatableArray(),
            EquatableArray<CallerSpec>.Empty, null, EquatableArray<EndpointSpec>.Empty);

        public static ServiceSpec Retry(this ServiceSpec service, int attempts, string perTry, string timeout) =>
            service with { Retry = new RetrySpec(attempts, perTry, "5xx,reset,connect-failure"), Timeout = new TimeoutSpec(timeout), ConnectionPool = new ConnectionPoolSpec(null, null, null, null, null, null, 3, null) };

        public static ServiceSpec Timeout(this ServiceSpec service, string timeout) => service with { Timeout = new TimeoutSpec(timeout) };

        public static ServiceSpec Allow(this ServiceSpec service, params string[] callers) =>
            service with { AllowCallers = callers.Select(c => new CallerSpec(c, null, null)).ToEquatableArray() };

        /// <summary>Admits <paramref name="caller"/> by the account its pods run as (<c>[AllowCaller(caller, ServiceAccount = account)]</c>).</summary>
        public static ServiceSpec AllowAccount(this ServiceSpec service, string caller, string account) =>
            service with { AllowCallers = service.AllowCallers.Concat(new[] { new CallerSpec(caller, null, account) }).ToEquatableArray() };

        /// <summary>The service's pods run as <paramref name="account"/> (<c>[MeshService(ServiceAccount = account)]</c>).</summary>
        public static ServiceSpec RunsAs(this ServiceSpec service, string account) => service with { ServiceAccount = account };

        public static ServiceSpec InApp(this ServiceSpec service, string target, int retries) =>
            service with { InAppRetries = service.InAppRetries.Concat(new[] { new InAppRetrySpec("AddStandardResilienceHandler", target, retries, true) }).ToEquatableArray() };

        /// <summary>The manifests the build would write for <paramref name="services"/>, as (path, text).</summary>
        public static List<(string File, string Text)> Render(params ServiceSpec[] services) =>
            services.SelectMany(s => ServiceRenderer.Render(s).Files).Select(f => (f.Path, f.Content)).ToList();

        public static MeshManifests Read(params ServiceSpec[] services) => ManifestReader.ReadTexts(Render(services));

        public static IReadOnlyList<MeshFinding> Check(params ServiceSpec[] services) => MeshCheck.Run(Read(services));

        public static void WriteTo(string directory, params ServiceSpec[] services)
        {
            foreach (var (file, text) in Render(services))
            {
                string path = Path.Combine(directory, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
        }
    }
}
