using System;
using System.Text;
using MeshAttributes.Generators.Emit;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class SourceSegmentsTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(7)]
        [InlineData(4096)]
        public void The_reader_yields_the_segments_with_verbatim_quotes_doubled_whatever_the_buffer_size(int bufferSize)
        {
            var random = new Random(bufferSize);
            var segments = new SourceSegments();
            var expected = new StringBuilder();
            for (int i = 0; i < 200; i++)
            {
                string text = RandomText(random);
                if (random.Next(2) == 0)
                {
                    segments.Append(text);
                    expected.Append(text);
                }
                else
                {
                    segments.AppendVerbatim(text);
                    expected.Append("@\"").Append(text.Replace("\"", "\"\"")).Append('"');
                }
            }

            var reader = segments.OpenReader();
            var actual = new StringBuilder();
            var buffer = new char[bufferSize];
            for (int read; (read = reader.Read(buffer, 0, buffer.Length)) > 0;)
            {
                actual.Append(buffer, 0, read);
            }

            Assert.Equal(expected.ToString(), actual.ToString());
            Assert.Equal(expected.Length, segments.Length);
            Assert.Equal(-1, reader.Peek());
        }

        [Fact]
        public void Peek_and_read_one_character_at_a_time_agree()
        {
            var reader = new SourceSegments().Append("a").AppendVerbatim("\"").Append(string.Empty).Append("b").OpenReader();
            var actual = new StringBuilder();
            while (reader.Peek() is int next && next >= 0)
            {
                Assert.Equal(next, reader.Read());
                actual.Append((char)next);
            }

            Assert.Equal("a@\"\"\"\"b", actual.ToString());
        }

        private static string RandomText(Random random)
        {
            const string alphabet = "ab\"\n é";
            var sb = new StringBuilder();
            int length = random.Next(0, 12);
            for (int i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            return sb.ToString();
        }
    }
}
