using System;

namespace MeshAttributes.IdeTests.Infrastructure
{
    /// <summary>An LSP position: a zero-based line and a character offset in UTF-16 code units, the protocol's default.</summary>
    internal readonly record struct LspPosition(int Line, int Character)
    {
        /// <summary>The position of character <paramref name="offset"/> of <paramref name="text"/> (lines end at '\n').</summary>
        public static LspPosition At(string text, int offset)
        {
            int line = 0;
            int lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return new LspPosition(line, offset - lineStart);
        }

        public override string ToString() => FormattableString.Invariant($"{Line + 1}:{Character + 1}");
    }
}
