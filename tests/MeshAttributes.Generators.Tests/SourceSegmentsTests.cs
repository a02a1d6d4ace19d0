using System.Linq;
using System;
using System.Text;
using MeshAttributes.Generators.Emit;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace MeshAttributes.Generators.Tests
{
    public class SourceSegmentsTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void The_text_is_the_segments_with_verbatim_quotes_doubled_read_any_way(int seed)
        {
            var random = new Random(seed);
            var segments = new SourceSegments();
            var builder = new StringBuilder();
            for (int i = 0; i < 200; i++)
            {
                string text = RandomText(random);
                if (random.Next(2) == 0)
                {
                    segments.Append(text);
                    builder.Append(text);
                }
                else
                {
                    segments.AppendVerbatim(text);
                    builder.Append("@\"").Append(text.Replace("\"", "\"\"")).Append('"');
                }
            }

            string expected = builder.ToString();
            SourceText source = segments.ToSourceText();
            Assert.Equal(expected.Length, segments.Length);
            Assert.Equal(expected.Length, source.Length);
            Assert.Equal(expected, source.ToString());
            Assert.Equal(Encoding.UTF8, source.Encoding);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], source[i]);
            }

            // Ranges that start and end anywhere: inside a segment, on either copy of a doubled quote, across many segments.
            for (int i = 0; i < 2000; i++)
            {
                int start = random.Next(expected.Length + 1);
                int count = random.Next(Math.Min(expected.Length - start, 64) + 1);
                var buffer = new char[count + 2];
                source.CopyTo(start, buffer, 1, count);
                Assert.Equal(expected.Substring(start, count), new string(buffer, 1, count));
            }

            Assert.Equal(SourceText.From(expected).Lines.Count, source.Lines.Count);
            Assert.True(SourceText.From(expected, Encoding.UTF8).ContentEquals(source));
            var reference = SourceText.From(expected, Encoding.UTF8);
            Assert.Equal(reference.ChecksumAlgorithm, source.ChecksumAlgorithm);
            Assert.Equal(Convert.ToHexString(reference.GetChecksum().ToArray()), Convert.ToHexString(source.GetChecksum().ToArray()));
        }

        [Fact]
        public void Out_of_range_reads_are_refused()
        {
            SourceText source = new SourceSegments().Append("ab").AppendVerbatim("\"").ToSourceText();
            Assert.Equal("ab@\"\"\"\"", source.ToString());
            Assert.Throws<ArgumentOutOfRangeException>(() => source[source.Length]);
            Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(source.Length - 1, new char[2], 0, 2));
            Assert.Throws<ArgumentOutOfRangeException>(() => source.CopyTo(0, new char[1], 0, 2));
            Assert.Equal(string.Empty, new SourceSegments().ToSourceText().ToString());
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
