namespace MeshAttributes.Analyzers.Tests
{
    /// <summary>Source snippets shared by tests.</summary>
    internal static class Sources
    {
        public const string Usings = """
            using System;
            using MeshAttributes;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc;
            """;

        /// <summary>
        /// Stand-ins for Microsoft.Extensions.Http.Resilience and Polly with their real names and namespaces: the analyzer
        /// recognises them by name and namespace, and the real packages need not be restorable here.
        /// </summary>
        public const string ResilienceStubs = """
            using System;
            using System.Net.Http;

            namespace Microsoft.Extensions.Http.Resilience
            {
                public class HttpRetryStrategyOptions { public int MaxRetryAttempts { get; set; } = 3; }
                public class HttpStandardResilienceOptions { public HttpRetryStrategyOptions Retry { get; } = new(); }
            }

            namespace Polly
            {
                public class ResiliencePipelineBuilder<T>
                {
                    public ResiliencePipelineBuilder<T> AddRetry(Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions options) => this;
                    public ResiliencePipelineBuilder<T> AddTimeout(TimeSpan timeout) => this;
                }

                public interface IAsyncPolicy<T> { }

                public class PolicyBuilder<T>
                {
                    public IAsyncPolicy<T> RetryAsync(int retryCount = 1) => null!;
                    public IAsyncPolicy<T> WaitAndRetryAsync(int retryCount, Func<int, TimeSpan> sleep) => null!;
                    public IAsyncPolicy<T> CircuitBreakerAsync(int events, TimeSpan duration) => null!;
                }
            }

            namespace Microsoft.Extensions.DependencyInjection
            {
                using Microsoft.Extensions.Http.Resilience;
                using Polly;

                public static class ResilienceHttpClientBuilderExtensions
                {
                    public static IHttpClientBuilder AddStandardResilienceHandler(this IHttpClientBuilder builder, Action<HttpStandardResilienceOptions>? configure = null) => builder;
                    public static IHttpClientBuilder AddResilienceHandler(this IHttpClientBuilder builder, string name, Action<ResiliencePipelineBuilder<HttpResponseMessage>> configure) => builder;
                }

                public static class PollyHttpClientBuilderExtensions
                {
                    public static IHttpClientBuilder AddPolicyHandler(this IHttpClientBuilder builder, IAsyncPolicy<HttpResponseMessage> policy) => builder;
                    public static IHttpClientBuilder AddTransientHttpErrorPolicy(this IHttpClientBuilder builder, Func<PolicyBuilder<HttpResponseMessage>, IAsyncPolicy<HttpResponseMessage>> configure) => builder;
                }
            }
            """;
    }
}
