using System;
using System.Collections.Generic;
using System.IO;

namespace MeshAttributes.Generators.Emit
{
    /// <summary>
    /// A generated file as a list of pieces of text, some of them to be written as the body of a verbatim string literal
    /// (each '"' doubled), read through <see cref="OpenReader"/> without ever being put together. A service's manifests are
    /// most of its generated file, often more than the large-object heap's threshold (85,000 bytes): copied into one string,
    /// or into a builder and then a string, they would land there and bring on full collections in the compiler's process,
    /// while <c>SourceText.From(TextReader, …)</c> keeps large text in small chunks.
    /// </summary>
    internal sealed class SourceSegments
    {
        private readonly List<(string Text, bool Verbatim)> _segments = new();

        /// <summary>The number of characters the reader yields.</summary>
        public int Length { get; private set; }

        /// <summary>Appends text as it is.</summary>
        public SourceSegments Append(string text)
        {
            _segments.Add((text, false));
            Length += text.Length;
            return this;
        }

        /// <summary>Appends a verbatim string literal holding <paramref name="text"/>: <c>@"…"</c>, with '"' written as '""'.</summary>
        public SourceSegments AppendVerbatim(string text)
        {
            Append("@\"");
            _segments.Add((text, true));
            Length += text.Length + Quotes(text);
            return Append("\"");
        }

        public TextReader OpenReader() => new Reader(_segments);

        private static int Quotes(string text)
        {
            int count = 0;
            for (int i = text.IndexOf('"'); i >= 0; i = text.IndexOf('"', i + 1))
            {
                count++;
            }

            return count;
        }

        private sealed class Reader : TextReader
        {
            private readonly List<(string Text, bool Verbatim)> _segments;
            private int _segment;
            private int _offset;

            // Inside a verbatim segment, the second '"' of a doubled quote is still to be written.
            private bool _pendingQuote;

            public Reader(List<(string Text, bool Verbatim)> segments) => _segments = segments;

            public override int Peek()
            {
                if (_pendingQuote)
                {
                    return '"';
                }

                SkipFinishedSegments();
                return _segment < _segments.Count ? _segments[_segment].Text[_offset] : -1;
            }

            public override int Read()
            {
                var one = new char[1];
                return Read(one, 0, 1) == 1 ? one[0] : -1;
            }

            public override int Read(char[] buffer, int index, int count)
            {
                if (buffer is null)
                {
                    throw new ArgumentNullException(nameof(buffer));
                }

                if (index < 0 || count < 0 || buffer.Length - index < count)
                {
                    throw new ArgumentOutOfRangeException(nameof(count));
                }

                int written = 0;
                while (written < count)
                {
                    if (_pendingQuote)
                    {
                        buffer[index + written++] = '"';
                        _pendingQuote = false;
                        continue;
                    }

                    SkipFinishedSegments();
                    if (_segment == _segments.Count)
                    {
                        break;
                    }

                    (string text, bool verbatim) = _segments[_segment];
                    int take = Math.Min(count - written, text.Length - _offset);
                    if (verbatim)
                    {
                        // Up to and including the next '"', whose double follows.
                        int quote = text.IndexOf('"', _offset, take);
                        if (quote >= 0)
                        {
                            take = quote - _offset + 1;
                            _pendingQuote = true;
                        }
                    }

                    text.CopyTo(_offset, buffer, index + written, take);
                    _offset += take;
                    written += take;
                }

                return written;
            }

            private void SkipFinishedSegments()
            {
                while (_segment < _segments.Count && _offset == _segments[_segment].Text.Length)
                {
                    _segment++;
                    _offset = 0;
                }
            }
        }
    }
}
