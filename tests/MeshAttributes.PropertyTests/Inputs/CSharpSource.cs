using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshAttributes.PropertyTests.Inputs
{
    /// <summary>
    /// A <see cref="ServiceCase"/> written as the C# a user would write: assembly attributes, one controller per
    /// controller endpoint, and the minimal-API endpoints mapped in one method (through MapGroup when the route has a prefix).
    /// </summary>
    internal static class CSharpSource
    {
        public static string Write(ServiceCase service)
        {
            var s = new StringBuilder()
                .AppendLine("using MeshAttributes;")
                .AppendLine("using Microsoft.AspNetCore.Builder;")
                .AppendLine("using Microsoft.AspNetCore.Http;")
                .AppendLine("using Microsoft.AspNetCore.Mvc;");
            s.Append("[assembly: MeshService(").Append(Str(service.Name)).Append(Named(("Namespace", Str(service.Namespace)), ("Port", Int(service.Port)))).AppendLine(")]");
            if (service.CircuitBreaker is { } cb)
            {
                Attribute(s, "assembly: CircuitBreaker", ("Consecutive5xxErrors", Int(cb.Consecutive5xxErrors)), ("ConsecutiveGatewayErrors", Int(cb.ConsecutiveGatewayErrors)), ("Interval", Str(cb.Interval)), ("BaseEjectionTime", Str(cb.BaseEjectionTime)), ("MaxEjectionPercent", Int(cb.MaxEjectionPercent)), ("MinHealthPercent", Int(cb.MinHealthPercent)));
            }

            if (service.ConnectionPool is { } pool)
            {
                Attribute(s, "assembly: ConnectionPool", ("MaxConnections", Int(pool.MaxConnections)), ("ConnectTimeout", Str(pool.ConnectTimeout)), ("H2UpgradePolicy", Enum("H2UpgradePolicy", pool.H2UpgradePolicy)), ("Http1MaxPendingRequests", Int(pool.Http1MaxPendingRequests)), ("Http2MaxRequests", Int(pool.Http2MaxRequests)), ("MaxRequestsPerConnection", Int(pool.MaxRequestsPerConnection)), ("MaxRetries", Int(pool.MaxRetries)), ("IdleTimeout", Str(pool.IdleTimeout)));
            }

            if (service.LoadBalancer is int lb)
            {
                s.Append("[assembly: LoadBalancer(").Append(Enum("LoadBalancerPolicy", lb)).AppendLine(")]");
            }

            if (service.RetryBudget is { } budget)
            {
                Attribute(s, "assembly: RetryBudget", ("Percent", Double(budget.Percent)), ("MinRetryConcurrency", Int(budget.MinRetryConcurrency)));
            }

            if (service.MutualTls is int mtls)
            {
                s.Append("[assembly: MutualTls(").Append(Enum("MutualTlsMode", mtls)).AppendLine(")]");
            }

            if (service.Retry is { } retry)
            {
                s.Append('[').Append(Retry("assembly: ", retry)).AppendLine("]");
            }

            if (service.Timeout is { } timeout)
            {
                s.Append("[assembly: Timeout(").Append(Str(timeout)).AppendLine(")]");
            }

            foreach (var d in service.DependsOn)
            {
                s.Append("[assembly: DependsOn(").Append(Str(d.Service)).Append(Named(("Namespace", Str(d.Namespace)))).AppendLine(")]");
            }

            foreach (var c in service.AllowCallers)
            {
                s.Append("[assembly: AllowCaller(").Append(Str(c.Service)).Append(Named(("Namespace", Str(c.Namespace)), ("ServiceAccount", Str(c.ServiceAccount)))).AppendLine(")]");
            }

            if (service.Alerting is { } a)
            {
                Attribute(s, "assembly: Alerting", ("ErrorRateWarning", Double(a.ErrorRateWarning)), ("ErrorRateCritical", Double(a.ErrorRateCritical)), ("LatencyP99", Str(a.LatencyP99)), ("RunbookUrl", Str(a.RunbookUrl)));
            }

            var minimal = new StringBuilder();
            for (int i = 0; i < service.Endpoints.Count; i++)
            {
                EndpointCase e = service.Endpoints[i];
                string prefix = string.Join("/", e.Segments.Take(e.PrefixSegments).Select(x => x.Template));
                string rest = string.Join("/", e.Segments.Skip(e.PrefixSegments).Select(x => x.Template));
                string policy = EndpointAttributes(e);
                if (e.Controller)
                {
                    s.Append("[ApiController");
                    if (e.PrefixSegments > 0)
                    {
                        s.Append(", Route(").Append(Str(prefix)).Append(')');
                    }

                    s.Append("] public sealed class E").Append(i).Append("Controller : ControllerBase { [");
                    s.Append(e.Methods.Count switch
                    {
                        0 => "Route(" + Str(rest) + ")",
                        1 => "Http" + e.Methods[0][0] + e.Methods[0].Substring(1).ToLowerInvariant() + "(" + Str(rest) + ")",
                        _ => "AcceptVerbs(" + string.Join(", ", e.Methods.Select(Str)) + ", Route = " + Str(rest) + ")",
                    });
                    s.Append(policy.Length > 0 ? ", " + policy : "").AppendLine("] public IActionResult Handle() => Ok(); }");
                }
                else
                {
                    string receiver = "app";
                    if (e.PrefixSegments > 0)
                    {
                        receiver = "g" + i;
                        minimal.Append("        var g").Append(i).Append(" = app.MapGroup(").Append(Str("/" + prefix)).AppendLine(");");
                    }

                    string route = Str(e.PrefixSegments > 0 ? rest : "/" + rest)!;
                    string handler = (policy.Length > 0 ? "[" + policy + "] " : "") + "() => Results.Ok()";
                    minimal.Append("        ").Append(receiver).Append(e.Methods.Count switch
                    {
                        0 => ".Map(" + route,
                        1 => ".Map" + e.Methods[0][0] + e.Methods[0].Substring(1).ToLowerInvariant() + "(" + route,
                        _ => ".MapMethods(" + route + ", new[] { " + string.Join(", ", e.Methods.Select(Str)) + " }",
                    }).Append(", ").Append(handler).AppendLine(");");
                }
            }

            if (minimal.Length > 0)
            {
                s.AppendLine("public static class MinimalEndpoints").AppendLine("{").AppendLine("    public static void Map(WebApplication app)").AppendLine("    {")
                    .Append(minimal).AppendLine("    }").AppendLine("}");
            }

            return s.ToString();
        }

        private static string EndpointAttributes(EndpointCase e)
        {
            var parts = new List<string>();
            if (e.Retry is { } retry)
            {
                parts.Add(Retry("", retry));
            }

            if (e.Timeout is { } timeout)
            {
                parts.Add("Timeout(" + Str(timeout) + ")");
            }

            if (e.Idempotent)
            {
                parts.Add("Idempotent");
            }

            return string.Join(", ", parts);
        }

        private static string Retry(string target, RetryCase retry)
        {
            string named = Named(("Attempts", Int(retry.Attempts)), ("PerTryTimeout", Str(retry.PerTryTimeout)), ("RetryOn", Str(retry.RetryOn)));
            return target + "Retry(" + (named.Length > 0 ? named.Substring(2) : "") + ")";
        }

        private static void Attribute(StringBuilder s, string name, params (string Name, string? Value)[] named)
        {
            string arguments = Named(named);
            s.Append('[').Append(name).Append('(').Append(arguments.Length > 0 ? arguments.Substring(2) : "").AppendLine(")]");
        }

        // ", A = 1, B = \"x\"" for the properties that are set.
        private static string Named(params (string Name, string? Value)[] named) =>
            string.Concat(named.Where(n => n.Value is not null).Select(n => ", " + n.Name + " = " + n.Value));

        public static string? Str(string? value) => value is null ? null : SymbolDisplay.FormatLiteral(value, quote: true);

        private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        private static string? Enum(string type, int? value) => value is int v ? "(" + type + ")(" + v.ToString(CultureInfo.InvariantCulture) + ")" : null;

        private static string? Double(double? value) => value switch
        {
            null => null,
            double d when double.IsNaN(d) => "double.NaN",
            double.PositiveInfinity => "double.PositiveInfinity",
            double.NegativeInfinity => "double.NegativeInfinity",
            double d => "(" + d.ToString("R", CultureInfo.InvariantCulture) + "d)",
        };
    }
}
