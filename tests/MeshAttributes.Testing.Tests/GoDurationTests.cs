using MeshAttributes.Testing.Cel;
using Xunit;

namespace MeshAttributes.Testing.Tests;

/// <summary>duration() must parse as Go's time.ParseDuration, which the Cel package's own parser does not.</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("10s", 10_000_000_000L)]
    [InlineData("+10s", 10_000_000_000L)]
    [InlineData("-1.5h", -5_400_000_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("250ms", 250_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.s", 1_000_000_000L)]
    [InlineData("500us", 500_000L)]
    [InlineData("500\u00b5s", 500_000L)]
    [InlineData("500\u03bcs", 500_000L)]
    [InlineData("1ns", 1L)]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("0s", 0L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    public void Parses_what_Go_parses(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParse(text, out var parsed, out var error), error);
        Assert.Equal(nanoseconds, parsed);
    }

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData(" 10s", "time: invalid duration \" 10s\"")]
    [InlineData("10s ", "time: unknown unit \"s \" in duration \"10s \"")]
    [InlineData("10 s", "time: unknown unit \" s\" in duration \"10 s\"")]
    [InlineData("10", "time: missing unit in duration \"10\"")]
    [InlineData("1d", "time: unknown unit \"d\" in duration \"1d\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    [InlineData(".s", "time: invalid duration \".s\"")]
    [InlineData("1S", "time: unknown unit \"S\" in duration \"1S\"")]
    [InlineData("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\"")]
    [InlineData("3000000h", "time: invalid duration \"3000000h\"")]
    public void Refuses_what_Go_refuses_with_Gos_message(string text, string message)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
