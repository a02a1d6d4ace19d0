using System;
using System.IO;
using System.Text;

namespace MeshAttributes.Generators.Emit
{
    /// <summary>
    /// Reads a <see cref="StringBuilder"/>'s text without making it one string. A service's generated source is often larger
    /// than the large-object heap's threshold (85,000 bytes); as one string it would land there and make the compiler's
    /// process run full garbage collections, while <c>SourceText.From(TextReader, …)</c> keeps large text in small chunks.
    /// </summary>
    internal sealed class StringBuilderReader : TextReader
    {
        private readonly StringBuilder _text;
        private int _position;

        public StringBuilderReader(StringBuilder text) => _text = text;

        public override int Peek() => _position < _text.Length ? _text[_position] : -1;

        public override int Read() => _position < _text.Length ? _text[_position++] : -1;

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

            int read = Math.Min(count, _text.Length - _position);
            _text.CopyTo(_position, buffer, index, read);
            _position += read;
            return read;
        }
    }
}
