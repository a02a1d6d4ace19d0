using MeshAttributes.Core.Rules;
using Xunit;

namespace MeshAttributes.Core.Tests
{
    public class IstioDurationTests
    {
        [Theory]
        [InlineData("10s", 10_000)]
        [InlineData("250ms", 250)]
        [InlineData("1m", 60_000)]
        [InlineData("1h30m", 5_400_000)]
        [InlineData("1.5s", 1_500)]
        [InlineData(".5s", 500)]
        [InlineData("1ms", 1)]
        [InlineData("1000us", 1)]
        [InlineData("1000000ns", 1)]
        [InlineData("2h45m30s", 9_930_000)]
        public void Go_durations_in_whole_milliseconds_parse(string text, long millis)
        {
            Assert.True(IstioDuration.TryParse(text, out var d, out string? error), error);
            Assert.Equal(millis, d.TotalMilliseconds);
        }

        [Theory]
        [InlineData("0s", "shorter than 1ms")]
        [InlineData("0", "shorter than 1ms")]
        [InlineData("500us", "not a whole number of milliseconds")]
        [InlineData("1.0005s", "not a whole number of milliseconds")]
        [InlineData("10", "unit is missing")]
        [InlineData("10 s", "did you mean \"10s\"?")]
        [InlineData("10sec", "did you mean \"10s\"?")]
        [InlineData("2 minutes", "did you mean \"2m\"?")]
        [InlineData("1.5 s", "did you mean \"1500ms\"?")]
        [InlineData("-1s", "cannot be negative")]
        [InlineData("", "empty string")]
        [InlineData("s", "expected a number")]
        [InlineData("1d", "'d' is not a unit")]
        public void Invalid_durations_say_what_is_wrong_and_what_to_write(string text, string messagePart)
        {
            Assert.False(IstioDuration.TryParse(text, out _, out string? error));
            Assert.Contains(messagePart, error);
        }

        // Found by the property tests: hours past decimal's range threw OverflowException out of the rules.
        [Theory]
        [InlineData("99999999999999999h")]
        [InlineData("9999999999999999999999999999h")]
        [InlineData("1h99999999999999999h")]
        [InlineData("2562048h")]
        public void A_duration_too_long_for_any_number_is_refused_not_thrown(string text)
        {
            Assert.False(IstioDuration.TryParse(text, out _, out string? error));
            Assert.Contains("too long", error);
            Assert.Contains(text, error);
        }

        [Theory]
        [InlineData(7_200_000, "2h")]
        [InlineData(90_000, "90s")]
        [InlineData(1_500, "1500ms")]
        public void Format_writes_the_shortest_exact_spelling(long millis, string expected) =>
            Assert.Equal(expected, IstioDuration.Format(millis));
    }
}
