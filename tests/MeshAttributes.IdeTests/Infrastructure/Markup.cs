using System;
using System.Collections.Generic;
using System.Text;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>
    /// Source text with the expected diagnostics marked as <c>{|MESH001:"10 s"|}</c> (the notation of Roslyn's testing
    /// library): the text without the marks, and each mark's rule id and span in it.
    /// </summary>
    internal sealed class Markup
    {
        private Markup(string text, IReadOnlyList<ExpectedDiagnostic> expected)
        {
            Text = text;
            Expected = expected;
        }

        public string Text { get; }

        public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

        public static Markup Parse(string marked)
        {
            var text = new StringBuilder(marked.Length);
            var expected = new List<ExpectedDiagnostic>();
            int i = 0;
            while (i < marked.Length)
            {
                int open = marked.IndexOf("{|", i, StringComparison.Ordinal);
                if (open < 0)
                {
                    text.Append(marked, i, marked.Length - i);
                    break;
                }

                int colon = marked.IndexOf(':', open);
                int close = marked.IndexOf("|}", colon, StringComparison.Ordinal);
                if (colon < 0 || close < 0)
                {
                    throw new FormatException($"Unclosed mark at {open}.");
                }

                text.Append(marked, i, open - i);
                string id = marked[(open + 2)..colon];
                int start = text.Length;
                text.Append(marked, colon + 1, close - colon - 1);
                expected.Add(new ExpectedDiagnostic(id, start, text.Length));
                i = close + 2;
            }

            return new Markup(text.ToString(), expected);
        }
    }
}
