using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using MeshAttributes.Core.Resources;
using MeshAttributes.Testing.Routing;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    /// <summary>
    /// A template's <c>uri</c> regex accepts exactly the request paths ASP.NET Core routes to it (more, never fewer,
    /// where RE2 cannot say what a constraint checks), held to ASP.NET Core's own routing over thousands of paths.
    /// </summary>
    public class UriMatchTests
    {
        [Theory]
        [InlineData("orders", "(?i)/orders/?")]
        [InlineData("/orders/", "(?i)/orders/?")]
        [InlineData("~/orders", "(?i)/orders/?")]
        [InlineData("/", "(?i)/")]
        [InlineData("/v1.0/orders", @"(?i)/v1\.0/orders/?")]
        [InlineData("/orders/{id}", "(?i)/orders/[^/]+/?")]
        [InlineData("/orders/{id:int}", "(?i)/orders/(?:%(?:0[9A-D]|20))*(?:[-+]|%2B)?[0-9]+(?:%(?:0[09A-D]|20))*/?")]
        [InlineData("/orders/{id:INT}", "(?i)/orders/(?:%(?:0[9A-D]|20))*(?:[-+]|%2B)?[0-9]+(?:%(?:0[09A-D]|20))*/?")]
        [InlineData("/orders/{id:guid}", "(?i)/orders/(?:%[0-9A-F]{2})*(?:(?:\\{|%7B|\\(|%28)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\\}|%7D|\\)|%29)?|[0-9a-f]{32}|(?:\\{|%7B)0x[^/]*)(?:%[0-9A-F]{2})*/?")]
        [InlineData("/orders/{id:alpha:minlength(2)}", "(?i)/orders/[a-z]+/?")]
        [InlineData("/orders/{id?}", "(?i)/orders(?:/[^/]+)?/?")]
        [InlineData("/orders/{id=5}", "(?i)/orders(?:/[^/]+)?/?")]
        [InlineData("/orders/{id=5}/items", "(?i)/orders/[^/]+/items/?")]
        [InlineData("/a/{b?}/{c?}", "(?i)/a(?:/[^/]+(?:/[^/]+)?)?/?")]
        [InlineData("/files/{*path}", "(?i)/files(?:/.*)?")]
        [InlineData("/files/{**path:nonfile}", "(?i)/files(?:/.*)?")]
        [InlineData("/files/{id?}/{*path}", "(?i)/files(?:/[^/]+(?:/.*)?)?/?")]
        [InlineData("/{*path}", "(?i)(?:/.*)?")]
        [InlineData("/v1.0/{id}.json", @"(?i)/v1\.0/[^/]+\.json/?")]
        [InlineData("/exports/{name}.{ext?}", @"(?i)/exports/[^/]+(?:\.[^/]+)?/?")]
        [InlineData("/lit/{{braces}}", @"(?i)/lit/(?:\{|%7B)braces(?:\}|%7D)/?")]
        [InlineData("/caf\u00e9", "(?i)/caf(?:\u00e9|%C3%A9|%C3%89)/?")]
        [InlineData("/a b", "(?i)/a(?: |%20)b/?")]
        [InlineData("/re/{x:regex(^[a-z]{{2}}$)}", "(?i)/re/[^/]+/?")]
        public void Templates_become_case_insensitive_re2_regexes_with_an_optional_trailing_slash(string template, string regex)
        {
            Assert.Equal(regex, UriMatch.FromTemplate(template).Regex);
            Assert.Null(Re2Syntax.Problem(regex));
        }

        [Theory]
        [InlineData("/", "")]
        [InlineData("/api/template", "11")]
        [InlineData("/api/template/{id}", "113")]
        [InlineData("/api/{id:int}", "12")]
        [InlineData("/api/template/{id:int}", "112")]
        [InlineData("/api/{id?}", "13")]
        [InlineData("/api/{id=5}", "13")]
        [InlineData("/api/{a}.{b}", "12")]
        [InlineData("/api/{{lit}}", "11")]
        [InlineData("/api/{*rest}", "15")]
        [InlineData("/api/{*rest:nonfile}", "14")]
        public void Precedence_weighs_each_segment_as_aspnet_core_does(string template, string precedence)
        {
            // RoutePrecedence.ComputeInbound: literal 1, constrained parameter or complex segment 2, parameter 3,
            // constrained catch-all 4, catch-all 5 (its examples: /api/template 1.1, /api/template/{id} 1.13, ...).
            Assert.Equal(precedence, UriMatch.FromTemplate(template).Precedence);
        }

        [Fact]
        public void Specificity_orders_a_literal_before_a_constrained_before_a_plain_parameter_before_a_catch_all()
        {
            // Digit by digit, a shorter template first where one is a prefix of the other ("13" before "131"): the two
            // never match the same path then.
            string[] expected = { "/orders/summary", "/orders/{id:int}", "/orders/{id}", "/orders/{id}/items", "/orders/{id}/{*rest}", "/orders/{*rest}" };
            var sorted = expected.Reverse().Select(t => (t, m: UriMatch.FromTemplate(t))).ToList();
            sorted.Sort((a, b) => UriMatch.Specificity(a.m, b.m));
            Assert.Equal(expected, sorted.Select(s => s.t));
        }

        /// <summary>Templates whose regex accepts exactly what ASP.NET Core routes to them.</summary>
        public static TheoryData<string> ExactTemplates => new()
        {
            "/", "/a", "/A/b", "/a/b/c", "/a/{x}", "/a/{x}/b", "/{x}/b", "/a/{x:long}", "/a/{x:alpha}",
            "/a/{x?}", "/a/{x=5}", "/a/{x=5}/b", "/a/{x}.{y}", "/a/{x?}/{y?}", "/a/{*rest}", "/a/{**rest}", "/{*rest}",
            "/a/{x}/{*rest}", "/a/{x?}/{*rest}", "/{x?}", "/a/{x:Alpha}", "/caf\u00e9", "/a/{{b}}", "/a/x.y", "/a/{x:required}",
        };

        /// <summary>Templates whose regex accepts more than ASP.NET Core routes to them (documented in UriMatch).</summary>
        public static TheoryData<string> WiderTemplates => new()
        {
            // int: its range (99999999999 is no int).
            "/a/{x:int}", "/a/{x:int?}", "/a/{x:guid}", "/a/{x:min(1)}", "/a/{x:range(1,5)}", "/a/{x:bool}", "/a/{x:minlength(2)}", "/a/{x:regex(^[0-9]{{2}}$)}",
            "/a/{x}.{y?}", "/a/{x:int}.{y}", "/a/{x:datetime}", "/a/{x:int:alpha}",
        };

        [Theory]
        [MemberData(nameof(ExactTemplates))]
        public void The_regex_accepts_exactly_the_paths_aspnet_core_routes_to_the_template(string template)
        {
            var (missed, extra) = Compare(template);
            Assert.True(missed.Count == 0 && extra.Count == 0,
                $"{template} → {UriMatch.FromTemplate(template).Regex}\nASP.NET Core routes, the regex misses: {string.Join(" ", missed.Take(20))}\n"
                + $"the regex takes, ASP.NET Core does not route: {string.Join(" ", extra.Take(20))}");
        }

        [Theory]
        [MemberData(nameof(WiderTemplates))]
        public void Where_re2_cannot_say_what_a_constraint_checks_the_regex_accepts_more_never_less(string template)
        {
            var (missed, extra) = Compare(template);
            Assert.True(missed.Count == 0, $"{template} → {UriMatch.FromTemplate(template).Regex}\nASP.NET Core routes, the regex misses: {string.Join(" ", missed.Take(20))}");
            // The widening is real (else the template belongs with the exact ones).
            Assert.NotEmpty(extra);
        }

        [Theory]
        [InlineData("/a/abc")]
        [InlineData("/a/42")]
        [InlineData("/a/my-order")]
        [InlineData("/a/3fa85f64-5717-4562-b3fc-2c963f66afa")]
        [InlineData("/a/3fa85f64-5717-4562-b3fc-2c963f66afa6x")]
        [InlineData("/a/3fa85f6457174562b3fc2c963f66afa")]
        public void A_guid_parameter_refuses_what_is_no_guid(string path)
        {
            // Its widening is only white space and the {0x...} format: a slug or a number beside it stays another endpoint's.
            var regex = new Regex("^(?:" + UriMatch.FromTemplate("/a/{x:guid}").Regex + @")\z", RegexOptions.CultureInvariant);
            Assert.DoesNotMatch(regex, path);
        }

        // Every request target built from the probe segments, up to three deep; the first segment also from the
        // templates' own literals, so deeper paths reach past them.
        private static readonly string[] Probes =
        {
            "", "a", "A", "b", "x.y", "X.Y", "x.", "42", "-7", "+3", "%2B3", "%2042", "42%20", "4%2E2", "007", "99999999999",
            "abc", "AbC", "true", "FALSE", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "2024-05-01", "caf%C3%A9", "CAF%C3%89", "caf%c3%a9",
            "caf\u00e9", "%7Bb%7D", "{b}", "a%2Fb", "%61", "a%20b", "1.json", "12", "1.2.3", "x.y.z", "%25true",
            "3FA85F6457174562B3FC2C963F66AFA6", "%7B3fa85f64-5717-4562-b3fc-2c963f66afa6%7D", "(3fa85f64-5717-4562-b3fc-2c963f66afa6)",
            "%203fa85f64-5717-4562-b3fc-2c963f66afa6", "3fa85f64-5717-4562-b3fc-2c963f66afa", "%253fa85f64-5717-4562-b3fc-2c963f66afa6",
            "%7B0x3fa85f64,0x5717,0x4562,%7B0xb3,0xfc,0x2c,0x96,0x3f,0x66,0xaf,0xa6%7D%7D", "3fa85f64-5717-4562-b3fc-2c963f66afa6x",
        };

        private static IEnumerable<string> Targets()
        {
            string[] first = { "a", "A", "%61", "caf%C3%A9", "b", "42", "x" };
            foreach (string p in Probes)
            {
                yield return "/" + p;
                foreach (string q in Probes)
                {
                    yield return "/" + p + "/" + q;
                }
            }

            foreach (string f in first)
            {
                foreach (string q in Probes)
                {
                    foreach (string r in Probes)
                    {
                        yield return "/" + f + "/" + q + "/" + r;
                        yield return "/" + f + "/" + q + "/" + r + "/z?y=1";
                    }
                }
            }
        }

        private static (List<string> Missed, List<string> Extra) Compare(string template)
        {
            var router = new AspNetCoreRouter(new[] { ("it", template, Array.Empty<string>()) });
            var regex = new Regex("^(?:" + UriMatch.FromTemplate(template).Regex + @")\z", RegexOptions.CultureInvariant);
            var missed = new List<string>();
            var extra = new List<string>();
            foreach (string target in Targets().Distinct())
            {
                bool aspNet = router.Route("GET", target) is not null;
                bool envoy = regex.IsMatch(EnvoyRouteMatcher.NormalizedPath(target));
                (aspNet && !envoy ? missed : !aspNet && envoy ? extra : null)?.Add(target);
            }

            return (missed, extra);
        }
    }
}
