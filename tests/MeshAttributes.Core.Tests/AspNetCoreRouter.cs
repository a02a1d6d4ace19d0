using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MeshAttributes.Core.Tests
{
    /// <summary>
    /// ASP.NET Core's own endpoint routing (the framework the tests run on), asked which endpoint a request reaches:
    /// the oracle the generated <c>uri</c> matches and their order are held to. The request path is decoded as
    /// Kestrel decodes it (percent-encoding undone, UTF-8, except <c>%2F</c>); the query string plays no part.
    /// </summary>
    internal sealed class AspNetCoreRouter
    {
        private readonly RequestDelegate _pipeline;
        private readonly IServiceProvider _services;

        /// <param name="endpoints">Each endpoint's name, route template and methods (none: any method).</param>
        public AspNetCoreRouter(IEnumerable<(string Name, string Template, string[] Methods)> endpoints)
            : this(endpoints.Select(e => (e.Name, e.Template, e.Methods, 0)))
        {
        }

        /// <param name="endpoints">Each endpoint's name, route template, methods (none: any method) and route order.</param>
        public AspNetCoreRouter(IEnumerable<(string Name, string Template, string[] Methods, int Order)> endpoints)
        {
            var services = new ServiceCollection();
            services.AddRouting().AddLogging();
            var diagnostics = new DiagnosticListener("MeshAttributes.Core.Tests");
            services.AddSingleton(diagnostics).AddSingleton<DiagnosticSource>(diagnostics);
            _services = services.BuildServiceProvider();

            var app = new ApplicationBuilder(_services);
            app.UseRouting();
            // Between routing and the endpoint: note what routing chose, run nothing.
            app.Use(_ => context =>
            {
                context.Items["endpoint"] = context.GetEndpoint()?.DisplayName;
                return Task.CompletedTask;
            });
            app.UseEndpoints(routes =>
            {
                foreach (var (name, template, methods, order) in endpoints)
                {
                    RequestDelegate handler = _ => Task.CompletedTask;
                    (methods.Length == 0 ? routes.Map(template, handler) : routes.MapMethods(template, methods, handler)).WithDisplayName(name).WithOrder(order);
                }
            });
            _pipeline = app.Build();
        }

        /// <summary>
        /// The name of the endpoint ASP.NET Core routes the request to; null when none (no path matches, or only
        /// endpoints of other methods do: a 405); throws when ASP.NET Core finds the match ambiguous.
        /// </summary>
        public string? Route(string method, string target)
        {
            int query = target.IndexOfAny(['?', '#']);
            var context = new DefaultHttpContext { RequestServices = _services };
            context.Request.Method = method;
            context.Request.Path = new PathString(KestrelDecode(query < 0 ? target : target.Substring(0, query)));
            _pipeline(context).GetAwaiter().GetResult();
            string? name = context.Items["endpoint"] as string;
            return name is not null && name.StartsWith("405 ", StringComparison.Ordinal) ? null : name;
        }

        // Kestrel decodes a request path's percent-encoding (as UTF-8) except an encoded '/'.
        private static string KestrelDecode(string path)
        {
            string[] pieces = path.Split("%2F", StringSplitOptions.None);
            for (int i = 0; i < pieces.Length; i++)
            {
                string[] lower = pieces[i].Split("%2f", StringSplitOptions.None);
                pieces[i] = string.Join("%2f", Array.ConvertAll(lower, Uri.UnescapeDataString));
            }

            return string.Join("%2F", pieces);
        }
    }
}
