using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MeshAttributes.Generators.Emit
{
    /// <summary>
    /// A generated file as a list of pieces of text, some of them to be written as the body of a verbatim string literal
    /// (each '"' doubled), handed to Roslyn as a <see cref="SourceText"/> that reads the pieces where they are. A service's
    /// manifests are most of its generated file, often more than the large-object heap's threshold (85,000 bytes): put
    /// together into one string they would land there and bring on full collections in the compiler's process, and even
    /// <c>SourceText.From(TextReader, …)</c> copies all of it into chunks of its own, which the compiler reads once, if at
    /// all, and the IDE only when the file is opened.
    /// </summary>
    internal sealed class SourceSegments
    {
        private static readonly int[] NoQuotes = Array.Empty<int>();

        private readonly List<Segment> _segments = new();

        /// <summary>The number of characters of the text.</summary>
        public int Length { get; private set; }

        /// <summary>Appends text as it is.</summary>
        public SourceSegments Append(string text)
        {
            if (text.Length > 0)
            {
                _segments.Add(new Segment(text, NoQuotes, Length));
                Length += text.Length;
            }

            return this;
        }

        /// <summary>Appends a verbatim string literal holding <paramref name="text"/>: <c>@"…"</c>, with '"' written as '""'.</summary>
        public SourceSegments AppendVerbatim(string text)
        {
            Append("@\"");
            if (text.Length > 0)
            {
                int[] quotes = Quotes(text);
                _segments.Add(new Segment(text, quotes, Length));
                Length += text.Length + quotes.Length;
            }

            return Append("\"");
        }

        /// <summary>The text, in UTF-8 as every generated source must declare an encoding.</summary>
        public SourceText ToSourceText() => new Text(_segments.ToArray(), Length);

        // Where each '"' of text is, in order: counted first, so the list is made once at its size (JSON has hundreds).
        private static int[] Quotes(string text)
        {
            int count = 0;
            for (int i = text.IndexOf('"'); i >= 0; i = text.IndexOf('"', i + 1))
            {
                count++;
            }

            if (count == 0)
            {
                return NoQuotes;
            }

            var quotes = new int[count];
            for (int i = text.IndexOf('"'), n = 0; i >= 0; i = text.IndexOf('"', i + 1))
            {
                quotes[n++] = i;
            }

            return quotes;
        }

        // A piece of text written from Start on; each of Quotes (indices into Text, ascending) is written twice.
        private readonly struct Segment
        {
            public Segment(string text, int[] quotes, int start)
            {
                Text = text;
                Quotes = quotes;
                Start = start;
            }

            public string Text { get; }

            public int[] Quotes { get; }

            public int Start { get; }

            public int Length => Text.Length + Quotes.Length;

            // The character at offset (from Start): the n-th quote's first copy is at Quotes[n] + n, its second copy just after.
            public char this[int offset]
            {
                get
                {
                    int before = QuotesBefore(offset);
                    return before > 0 && Quotes[before - 1] + before == offset ? '"' : Text[offset - before];
                }
            }

            // Copies count characters from offset on.
            public void CopyTo(int offset, char[] destination, int destinationIndex, int count)
            {
                if (Quotes.Length == 0)
                {
                    Text.CopyTo(offset, destination, destinationIndex, count);
                    return;
                }

                int n = QuotesBefore(offset);
                int source;
                if (n > 0 && Quotes[n - 1] + n == offset)
                {
                    // The second copy of a quote.
                    destination[destinationIndex++] = '"';
                    count--;
                    source = Quotes[n - 1] + 1;
                }
                else
                {
                    source = offset - n;
                }

                while (count > 0)
                {
                    // Up to and including the next quote, whose second copy follows.
                    int end = n < Quotes.Length ? Quotes[n] + 1 : Text.Length;
                    int take = Math.Min(count, end - source);
                    Text.CopyTo(source, destination, destinationIndex, take);
                    destinationIndex += take;
                    count -= take;
                    source += take;
                    if (count > 0 && n < Quotes.Length && source == Quotes[n] + 1)
                    {
                        destination[destinationIndex++] = '"';
                        count--;
                        n++;
                    }
                }
            }

            // How many quotes have their first copy before offset: the n with Quotes[n - 1] + n - 1 < offset <= Quotes[n] + n.
            private int QuotesBefore(int offset)
            {
                int low = 0, high = Quotes.Length;
                while (low < high)
                {
                    int mid = (low + high) >> 1;
                    if (Quotes[mid] + mid < offset)
                    {
                        low = mid + 1;
                    }
                    else
                    {
                        high = mid;
                    }
                }

                return low;
            }
        }

        private sealed class Text : SourceText
        {
            private readonly Segment[] _segments;
            private readonly int _length;

            public Text(Segment[] segments, int length)
            {
                _segments = segments;
                _length = length;
            }

            public override Encoding Encoding => Encoding.UTF8;

            public override int Length => _length;

            public override char this[int position]
            {
                get
                {
                    if ((uint)position >= (uint)_length)
                    {
                        throw new ArgumentOutOfRangeException(nameof(position));
                    }

                    Segment segment = _segments[SegmentAt(position)];
                    return segment[position - segment.Start];
                }
            }

            public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
            {
                if (destination is null)
                {
                    throw new ArgumentNullException(nameof(destination));
                }

                if (sourceIndex < 0 || count < 0 || sourceIndex > _length - count || destinationIndex < 0 || destinationIndex > destination.Length - count)
                {
                    throw new ArgumentOutOfRangeException(nameof(count));
                }

                for (int i = count == 0 ? _segments.Length : SegmentAt(sourceIndex); count > 0; i++)
                {
                    Segment segment = _segments[i];
                    int offset = sourceIndex - segment.Start;
                    int take = Math.Min(count, segment.Length - offset);
                    segment.CopyTo(offset, destination, destinationIndex, take);
                    sourceIndex += take;
                    destinationIndex += take;
                    count -= take;
                }
            }

            // The segment holding position (0 <= position < Length).
            private int SegmentAt(int position)
            {
                int low = 0, high = _segments.Length - 1;
                while (low < high)
                {
                    int mid = (low + high + 1) >> 1;
                    if (_segments[mid].Start <= position)
                    {
                        low = mid;
                    }
                    else
                    {
                        high = mid - 1;
                    }
                }

                return low;
            }
        }
    }
}
