using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshAttributes.Core.Model;
using MeshAttributes.Core.Resources;
using MeshAttributes.Core.Resources.Platform;
using MeshAttributes.Core.Rules;
using MeshAttributes.Generators.Analyzers;
using MeshAttributes.Generators.Emit;
using Microsoft.CodeAnalysis;

namespace MeshAttributes.Generators.Guard
{
    /// <summary>
    /// Turns an unexpected exception in any step of <see cref="MeshManifestGenerator"/> into error MESH900. Roslyn would
    /// otherwise report a generator that throws as warning CS8785 and drop all its output, so the build would succeed and
    /// the MSBuild task would find no manifests at all. A failed step yields its failure as a value instead; the failure
    /// travels to the service it belongs to, which is emitted as a <c>MeshManifestError</c> for every file it would have
    /// written (the task then fails the build and deletes the stale copies), and the generator reports MESH900 once per
    /// failure. The platform's pipeline is guarded the same way: a failure refuses every file of <c>platform/</c>.
    /// Cancellation is not a failure and passes through.
    /// </summary>
    internal static class GeneratorGuard
    {
        /// <summary>Step names, as the MESH900 message says them.</summary>
        public const string ReadingService = "reading [MeshService]";
        public const string ReadingEndpoints = "reading endpoints";
        public const string BuildingModel = "joining services and endpoints";
        public const string Rendering = "rendering the manifests";
        public const string Writing = "writing the generated source";
        public const string ReadingInAppRetries = "reading in-app retries";
        public const string ReadingPlatform = "reading [assembly: MeshPlatform]";
        public const string RenderingPlatform = "rendering the platform";
        public const string WritingPlatform = "writing the platform's generated source";

        /// <summary>
        /// For tests only: a step whose name is set here throws on this thread, so a test can prove the path from an
        /// exception to MESH900 without a real bug. Unset in every real build.
        /// </summary>
        [ThreadStatic]
        internal static string? ThrowInStep;

        /// <summary>Runs one step of reading source; an exception becomes the step's failure.</summary>
        public static Guarded<T> Run<TArg, T>(string step, TArg arg, Func<TArg, CancellationToken, T> read, CancellationToken cancellationToken)
        {
            try
            {
                ThrowIfInjected(step);
                return new Guarded<T>(read(arg, cancellationToken), null);
            }
            catch (Exception ex) when (IsFailure(ex, cancellationToken))
            {
                return new Guarded<T>(default!, Describe(step, ex));
            }
        }

        /// <summary>The in-app retries read from every candidate call, or the first failure reading one.</summary>
        public static Guarded<EquatableArray<InAppRetrySpec>> Join(ImmutableArray<Guarded<InAppRetrySpec?>> retries) =>
            new(retries.Where(r => r.Value is not null).Select(r => r.Value!).ToEquatableArray(), retries.Select(r => r.Failure).FirstOrDefault(f => f is not null));

        /// <summary>
        /// One model per service, as <see cref="ServiceModelBuilder"/> joins them, the in-app retries on the assembly's own
        /// service. A failure while reading source cannot be
        /// pinned to one service (an endpoint belongs to the assembly's service, an unread [MeshService] to none yet), so
        /// every service of the project carries it; with no service to carry it, one unnamed model does.
        /// </summary>
        public static ImmutableArray<ServiceModel> BuildModels(
            ImmutableArray<Guarded<DeclaredService?>> services,
            Guarded<EquatableArray<InAppRetrySpec>> inAppRetries,
            ImmutableArray<Guarded<EquatableArray<EndpointSpec>>> endpoints,
            GeneratorOptions options,
            CancellationToken cancellationToken)
        {
            GeneratorFailure? failure = services.Select(s => s.Failure)
                .Append(inAppRetries.Failure)
                .Concat(endpoints.Select(e => e.Failure))
                .FirstOrDefault(f => f is not null);
            ImmutableArray<ServiceModel> models;
            try
            {
                ThrowIfInjected(BuildingModel);
                models = ServiceModelBuilder.Build(
                    services.Where(s => s.Value is not null).Select(s => WithInAppRetries(s.Value!, inAppRetries.Value)).ToImmutableArray(),
                    endpoints.Where(e => e.Failure is null).Select(e => e.Value).ToImmutableArray(),
                    options);
            }
            catch (Exception ex) when (IsFailure(ex, cancellationToken))
            {
                models = services.Where(s => s.Value is not null)
                    .Select(s => s.Value!.Spec.Name)
                    .Distinct(StringComparer.Ordinal)
                    .Select(name => new ServiceModel(Unnamed with { Name = name }, 1))
                    .ToImmutableArray();
                failure ??= Describe(BuildingModel, ex);
            }

            if (failure is null)
            {
                return models;
            }

            return models.IsEmpty
                ? ImmutableArray.Create(new ServiceModel(Unnamed, 1, failure))
                : models.Select(m => m with { Failure = failure }).ToImmutableArray();
        }

        /// <summary>The service's files, or, when it failed here or earlier, a refusal of every file it would have written.</summary>
        public static RenderedService Render(ServiceModel model, CancellationToken cancellationToken)
        {
            if (model.Failure is { } earlier)
            {
                return Refused(model.Spec, earlier);
            }

            try
            {
                ThrowIfInjected(Rendering);
                return model.DuplicateError is null
                    ? ServiceRenderer.Render(model.Spec)
                    : ServiceRenderer.Render(model.Spec, model.FrontEndErrors);
            }
            catch (Exception ex) when (IsFailure(ex, cancellationToken))
            {
                return Refused(model.Spec, Describe(Rendering, ex));
            }
        }

        /// <summary>Adds the service's generated source, and reports MESH900 once for a service that failed.</summary>
        public static void Emit(SourceProductionContext context, RenderedService service) =>
            Emit(context, service, Writing, static s => ManifestSourceWriter.HintName(s), static (s, failure) => Refused(Unnamed with { Name = s.Service }, failure));

        /// <summary>The assembly's platform, or the failure reading it.</summary>
        public static Guarded<PlatformSpec?> ReadPlatform(ImmutableArray<Guarded<PlatformSpec?>> platforms) =>
            // One per assembly: the attribute allows one, and a second is the compiler's error (CS0579), not a second output.
            platforms.FirstOrDefault(p => p.Failure is not null) is { Failure: not null } failed ? failed
                : platforms.FirstOrDefault(p => p.Value is not null);

        /// <summary><c>platform/</c>'s files, or, when the platform failed here or earlier, a refusal of every one; null without a platform.</summary>
        public static RenderedService? RenderPlatform(Guarded<PlatformSpec?> platform, CancellationToken cancellationToken)
        {
            if (platform.Failure is { } earlier)
            {
                return RefusedPlatform(platform.Value, earlier);
            }

            if (platform.Value is null)
            {
                return null;
            }

            try
            {
                ThrowIfInjected(RenderingPlatform);
                return PlatformRenderer.Render(platform.Value);
            }
            catch (Exception ex) when (IsFailure(ex, cancellationToken))
            {
                return RefusedPlatform(platform.Value, Describe(RenderingPlatform, ex));
            }
        }

        /// <summary>Adds the platform's generated source, and reports MESH900 once for a platform that failed.</summary>
        public static void EmitPlatform(SourceProductionContext context, RenderedService? platform, string hintName)
        {
            if (platform is not null)
            {
                Emit(context, platform, WritingPlatform, _ => hintName, static (p, failure) => RefusedPlatform(null, failure, p));
            }
        }

        private static void Emit(
            SourceProductionContext context,
            RenderedService service,
            string step,
            Func<RenderedService, string> hintName,
            Func<RenderedService, GeneratorFailure, RenderedService> refuse)
        {
            ManifestError? failure = service.Errors.FirstOrDefault(e => e.Id == RuleIds.GeneratorFailure);
            if (failure is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.GeneratorFailure, Location.None, failure.Message));
            }

            // A failure before any service was known has no path to refuse: the MESH900 error alone fails the compilation.
            if (service.Files.Count == 0 && service.Errors.All(e => e.Path.Length == 0))
            {
                return;
            }

            try
            {
                ThrowIfInjected(step);
                context.AddSource(hintName(service), ManifestSourceWriter.Write(service));
            }
            catch (Exception ex) when (IsFailure(ex, context.CancellationToken))
            {
                RenderedService refused = refuse(service, Describe(step, ex));
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.GeneratorFailure, Location.None, refused.Errors[0].Message));
                if (refused.Errors[0].Path.Length > 0)
                {
                    context.AddSource(hintName(refused), ManifestSourceWriter.Write(refused));
                }
            }
        }

        private static DeclaredService WithInAppRetries(DeclaredService service, EquatableArray<InAppRetrySpec> retries) =>
            service.IsAssembly && retries.Count > 0 ? service with { Spec = service.Spec with { InAppRetries = retries } } : service;

        // A service with nothing set, standing in for one whose declaration could not be read.
        private static readonly ServiceSpec Unnamed = new(
            "", null, null, null, null, null, null, null, null, null,
            EquatableArray<DependencySpec>.Empty, EquatableArray<CallerSpec>.Empty, null, EquatableArray<EndpointSpec>.Empty);

        // Every file of the service refused with MESH900, in the folder ServiceRenderer would have used, so the task fails
        // the build and deletes stale copies. A service whose name is unknown gets one refusal with no path, which is
        // reported but not emitted: the MESH900 error alone fails the compilation.
        private static RenderedService Refused(ServiceSpec service, GeneratorFailure failure)
        {
            string message = Message(service.Name.Length > 0 ? $"service '{service.Name}'" : "this project", failure);
            if (service.Name.Length == 0)
            {
                return new RenderedService("", EquatableArray<ManifestFile>.Empty, new[] { new ManifestError("", RuleIds.GeneratorFailure, message) }.ToEquatableArray());
            }

            string folder = DnsLabel.IsValid(service.Name) ? service.Name : DnsLabel.Suggest(service.Name) ?? "invalid-service";
            var errors = ServiceRenderer.Builders.Select(b => b.FileName)
                .Append(KustomizationBuilder.FileName)
                .Select(file => new ManifestError(folder + "/" + file, RuleIds.GeneratorFailure, message))
                .ToEquatableArray();
            return new RenderedService(service.Name, EquatableArray<ManifestFile>.Empty, errors);
        }

        // Every file of platform/ refused with MESH900: each builder's, the kustomization, each injected namespace's the spec
        // names (when it was read) and any other path the rendering had.
        private static RenderedService RefusedPlatform(PlatformSpec? platform, GeneratorFailure failure, RenderedService? rendered = null)
        {
            string message = Message("the platform ([assembly: MeshPlatform])", failure);
            IEnumerable<string> namespaces = platform?.InjectNamespaces.Select(n => InjectedNamespaceBuilder.FileName(DnsLabel.IsValid(n) ? n : DnsLabel.Suggest(n) ?? "invalid"))
                ?? Enumerable.Empty<string>();
            var paths = PlatformRenderer.Builders.Select(b => b.FileName)
                .Append(KustomizationBuilder.FileName)
                .Concat(namespaces)
                .Select(file => PlatformRenderer.Folder + "/" + file)
                .Concat(rendered is null ? Enumerable.Empty<string>() : rendered.Files.Select(f => f.Path).Concat(rendered.Errors.Select(e => e.Path)))
                .Where(path => path.Length > 0)
                .Distinct(StringComparer.Ordinal);
            return new RenderedService(PlatformRenderer.Folder, EquatableArray<ManifestFile>.Empty, paths.Select(path => new ManifestError(path, RuleIds.GeneratorFailure, message)).ToEquatableArray());
        }

        // which: what the refused files belong to, as the message names it.
        private static string Message(string which, GeneratorFailure failure)
        {
            return $"MeshAttributes' generator failed while {failure.Step} for {which}: {failure.ExceptionType}: {failure.Message} (thrown {failure.ThrownAt}). "
                + "No manifest of it is written and the build fails rather than leave them missing or stale. This is a bug in MeshAttributes, not in your code: "
                + "please report it at https://github.com/meshattributes/meshattributes/issues with this message and the attribute or endpoint declaration it names, "
                + "or the smallest project that reproduces it.";
        }

        private static GeneratorFailure Describe(string step, Exception ex)
        {
            string stack = ex.StackTrace ?? "";
            int end = stack.IndexOf('\n');
            string thrownAt = (end < 0 ? stack : stack.Substring(0, end)).Trim();
            return new GeneratorFailure(step, ex.GetType().FullName ?? ex.GetType().Name, ex.Message, thrownAt.Length > 0 ? thrownAt : "at an unknown place");
        }

        // Cancellation of this run is Roslyn's, not a failure; any other exception is.
        private static bool IsFailure(Exception ex, CancellationToken cancellationToken) =>
            !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested);

        private static void ThrowIfInjected(string step)
        {
            if (ThrowInStep == step)
            {
                throw new InvalidOperationException($"Failure injected by a test into '{step}'.");
            }
        }
    }
}
