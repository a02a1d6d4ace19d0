using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace MeshAttributes.PropertyTests.Inputs
{
    /// <summary>CsCheck generators of <see cref="ServiceCase"/>: mostly valid values, with invalid and hostile ones mixed in.</summary>
    internal static class ServiceCases
    {
        private const string LabelChars = "abcdefghijklmnopqrstuvwxyz0123456789-";

        /// <summary>A DNS-1123 label, or (about one in eight) something that is not.</summary>
        public static readonly Gen<string> Name = Gen.Frequency(
            (12, Gen.Select(Gen.Char['a', 'z'], Gen.String[Gen.Char[LabelChars], 0, 20], Gen.Char['a', 'z'], (a, mid, z) => a + mid.Replace("--", "-") + z)),
            (1, Gen.OneOf("Orders", "a_b", "-a", "a-", "a.b", new string('a', 64), "über", "1-2", "x")),
            (1, HostileStrings.Any));

        public static readonly Gen<int> Count = Gen.Frequency((20, Gen.Int[0, 50]), (2, Gen.Int[-5, -1]), (1, Gen.OneOf(int.MinValue, int.MaxValue, 1_000_000)));

        public static readonly Gen<int> Percent = Gen.Frequency((20, Gen.Int[0, 100]), (2, Gen.Int[-10, 110]), (1, Gen.OneOf(int.MinValue, int.MaxValue)));

        public static readonly Gen<double> Ratio = Gen.Frequency(
            (10, Gen.Int[0, 99].Select(i => i / 100.0)),
            (3, Gen.Double[0, 1]),
            (2, Gen.OneOf(0.0, 1.0, -0.0, -0.01, 0.999999, 5.0, 50.0, 100.0, 1e-300, double.Epsilon)),
            (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue)));

        public static readonly Gen<double> PercentDouble = Gen.Frequency(
            (10, Gen.Double[0, 100]),
            (2, Gen.OneOf(0.0, 100.0, -1.0, 100.5, 1e-9, double.NaN, double.PositiveInfinity)));

        /// <summary>Go duration syntax Istio accepts, or text it does not.</summary>
        public static readonly Gen<string> Duration = Gen.Frequency(
            (10, Gen.Select(Gen.Int[1, 5000], Gen.OneOf("ms", "s", "m", "h"), (n, unit) => n + unit)),
            (3, Gen.OneOf("1h30m", "1.5s", "0.25s", "2m30s", "1s500ms", "1000us", "1000000ns", "+1s", "01s", ".5s", "1.s")),
            (3, Gen.OneOf("0s", "0", "10", "1.5ms", "0.1ms", "-1s", "10 s", " 10s", "10s ", "1d", "1w", "s", "1S", "1Ms", "∞s", "1e3s", "99999999999999999h", "1h1h", "500us", "1ns")),
            (1, HostileStrings.Any));

        private static readonly string[] RetryTokens =
        {
            "5xx", "gateway-error", "reset", "reset-before-request", "connect-failure", "retriable-4xx", "refused-stream",
            "retriable-status-codes", "retriable-headers", "envoy-ratelimited", "http3-post-connect-failure", "cancelled",
            "deadline-exceeded", "internal", "resource-exhausted", "unavailable", "503", "429", "500", "418", "511",
        };

        /// <summary>A RetryOn list: known conditions and status codes, or a list with an unknown token, space, empty token or hostile text.</summary>
        public static readonly Gen<string> RetryOn = Gen.Frequency(
            (8, Gen.OneOf(RetryTokens).Array[1, 4].Select(t => string.Join(",", t))),
            (3, Gen.OneOf("5xx, reset", "5xx,,reset", ",5xx", "5xx,", "5XX", "999", "0", "-1", "0503", "+503", "99", "600", "2147483648", "unknown", "reset ", "")),
            (1, HostileStrings.Any));

        public static readonly Gen<RetryCase> Retry = Gen.Select(Count.Nullable(0.3), Duration.Null(0.4), RetryOn.Null(0.4), (a, p, r) => new RetryCase(a, p, r));

        private static readonly Gen<int?> OptionalCount = Count.Nullable(0.5);

        public static readonly Gen<SegmentCase> Segment = Gen.Frequency(
            (8, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10].Select(s => new SegmentCase(s, s, false))),
            (2, Gen.Select(Gen.String[Gen.Char["abcxyz019"], 1, 4], Gen.OneOf(".", "-", "_", "~", "$", "(", ")", "*", "+", ",", ";", "=", "@", "'", "!", "&", "{{", "}}"), Gen.String[Gen.Char["abc"], 0, 3],
                (a, sep, b) => new SegmentCase(a + sep + b, a + sep.Replace("{{", "{").Replace("}}", "}") + b, false))),
            (3, Gen.OneOf(
                new SegmentCase("{id}", "17", true),
                new SegmentCase("{id:int}", "17", true),
                new SegmentCase("{id:long}", "-17", true),
                new SegmentCase("{slug:minlength(2)}", "ab", true),
                new SegmentCase("{flag:bool}", "TRUE", true),
                new SegmentCase("{name:alpha}", "abc", true),
                new SegmentCase("{id?}", "17", true),
                new SegmentCase("{page=1}", "3", true),
                new SegmentCase("{name}.{ext}", "report.pdf", true),
                new SegmentCase("v{version:int}", "v2", true))));

        private static readonly Gen<SegmentCase> CatchAll = Gen.OneOf(new SegmentCase("{*rest}", "a/b", true), new SegmentCase("{**path}", "x/y/z", true));

        // A catch-all only ever ends a route.
        private static readonly Gen<IReadOnlyList<SegmentCase>> Route = Gen.Select(Segment.Array[0, 5], Gen.Int[0, 4], CatchAll, (segments, dice, last) =>
            (IReadOnlyList<SegmentCase>)(dice == 0 && segments.Length > 0 ? segments.Take(segments.Length - 1).Append(last).ToArray() : segments));

        private static readonly Gen<IReadOnlyList<string>> Methods = Gen.Frequency(
            (10, Gen.OneOf("GET", "POST", "PUT", "DELETE", "PATCH").Select(m => (IReadOnlyList<string>)new[] { m })),
            (1, Gen.Const((IReadOnlyList<string>)new string[0])),
            (1, Gen.OneOf((IReadOnlyList<string>)new[] { "GET", "HEAD" }, new[] { "POST", "PUT" })));

        public static readonly Gen<EndpointCase> Endpoint = Gen.Select(
            Gen.Bool, Methods, Route, Gen.Int[0, 3],
            Retry.Null(0.4), Duration.Null(0.5), Gen.Bool,
            (controller, methods, segments, prefix, retry, timeout, idempotent) => new EndpointCase(
                controller, methods, segments, System.Math.Min(prefix, segments.Count), retry, timeout, idempotent));

        public static readonly Gen<ServiceCase> Service =
            Gen.Select(
                Gen.Select(Name, Name.Null(0.6), Gen.Frequency((10, Gen.Int[1, 65535]), (1, Gen.OneOf(0, -1, 65536, int.MaxValue))).Nullable(0.6)),
                Gen.Select(OptionalCount, OptionalCount, Duration.Null(0.6), Duration.Null(0.6), Percent.Nullable(0.5), Percent.Nullable(0.5),
                    (a, b, c, d, e, f) => new CircuitBreakerCase(a, b, c, d, e, f)).Null(0.5),
                Gen.Select(Gen.Select(OptionalCount, Duration.Null(0.6), Gen.Int[-1, 3].Nullable(0.6), OptionalCount), Gen.Select(OptionalCount, OptionalCount, OptionalCount, Duration.Null(0.6)),
                    (x, y) => new ConnectionPoolCase(x.Item1, x.Item2, x.Item3, x.Item4, y.Item1, y.Item2, y.Item3, y.Item4)).Null(0.5),
                Gen.Select(Gen.Int[-1, 4].Nullable(0.6), Gen.Select(PercentDouble.Nullable(0.4), Count.Nullable(0.4), (p, m) => new RetryBudgetCase(p, m)).Null(0.6), Gen.Int[-1, 3].Nullable(0.6)),
                Gen.Select(Retry.Null(0.5), Duration.Null(0.5)),
                Gen.Select(
                    Gen.Select(Name, Name.Null(0.7), (s, n) => (s, n)).Array[0, 3],
                    Gen.Select(Name, Name.Null(0.7), Name.Null(0.7), (s, n, a) => (s, n, a)).Array[0, 3]),
                Gen.Select(Ratio.Nullable(0.5), Ratio.Nullable(0.5), Duration.Null(0.6), HostileStrings.Any.Null(0.4), (w, c, l, r) => new AlertingCase(w, c, l, r)).Null(0.4),
                Endpoint.Array[0, 6],
                (identity, cb, pool, other, service, edges, alerting, endpoints) => new ServiceCase(
                    identity.Item1, identity.Item2, identity.Item3, cb, pool, other.Item1, other.Item2, other.Item3, service.Item1, service.Item2,
                    edges.Item1.Select(d => (d.s, d.n)).ToArray(),
                    edges.Item2.Select(c => (c.s, c.n, c.a)).ToArray(),
                    alerting,
                    endpoints));
    }
}
