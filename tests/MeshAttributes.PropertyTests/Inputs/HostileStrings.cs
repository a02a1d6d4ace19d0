using System.Linq;
using CsCheck;

namespace MeshAttributes.PropertyTests.Inputs
{
    /// <summary>
    /// Strings a user can type into an attribute, weighted towards the ones that break YAML, JSON, C# literals, Go
    /// templates, PromQL strings and regexes: empty, whitespace, line breaks, <c>: </c>, <c>#</c>, quotes, <c>{{ }}</c>,
    /// <c>$</c>, YAML indicators, unicode (combining marks, right-to-left, astral, BOM, line and paragraph separators,
    /// lone surrogates) and very long text.
    /// </summary>
    internal static class HostileStrings
    {
        public static readonly string[] Known =
        {
            "", " ", "\t", "\n", "\r\n", "  \n  ", "a: b", "key: value\nother: 1", "# comment", "a #b", "---", "---\nkind: Secret",
            "...", "- item", "? x", "[1, 2]", "{a: 1}", "&anchor", "*alias", "!!str", "|", ">", "%YAML 1.2", "@", "`",
            "\"", "'", "\"quoted\"", "'single'", "\\", "\\\"", "{{", "}}", "{{ $value }}", "{{ .Labels }}", "{{ template \"x\" }}",
            "{{/* c */}}", "$", "$value", "${HOME}", "$(echo)", "\"}[5m])) or vector(1) #", "\",evil=\"1", "\\\"}", "=~\".*\"",
            "true", "no", "null", "~", "0", "007", "1e3", ".inf", "2026-12-06", "0x1F", "é", "中文", "🚀", "e\u0301",
            "\u202Eevil", "\uFEFF", "\u2028", "\u2029", "\u0085", "\u00A0", "\0", "\u0007", "\u007F", "\uD800", "\uDC00x",
            "https://runbooks.example.com/payment?x=1&y=2#top", "https://example.com/{{ $labels.destination_service_name }}",
            "javascript:alert(1)", "</script>", "${{ secrets.X }}", "\"\"\"", "@\"verbatim\"", "\"+\"", "/*", "*/",
        };

        private const string Alphabet = "abcxyzABC019 -_.,:;#&*!|>'\"%@`?[]{}()<>$^+=~\\/\t\n\r\u00e9\u4e2d\u00a0\u0085\u2028";

        /// <summary>One of the known strings, a random mix of dangerous characters, or a very long string.</summary>
        public static readonly Gen<string> Any = Gen.Frequency(
            (6, Gen.OneOf(Known)),
            (6, Gen.String[Gen.Char[Alphabet], 0, 24]),
            (2, Gen.Select(Gen.OneOf(Known), Gen.OneOf(Known), Gen.String[Gen.Char[Alphabet], 0, 8], (a, b, c) => a + c + b)),
            (1, Gen.Select(Gen.OneOf(Known), Gen.Int[1000, 20_000], (s, n) => string.Concat(Enumerable.Repeat(s.Length == 0 ? "x" : s, n / System.Math.Max(1, s.Length))).PadRight(n, 'y'))));
    }
}
