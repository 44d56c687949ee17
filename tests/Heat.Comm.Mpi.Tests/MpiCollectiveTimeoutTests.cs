// SPDX-License-Identifier: MIT
namespace Heat.Comm.Mpi.Tests;

/// <summary>The watchdog's configuration key <c>Heat:Mpi:CollectiveTimeout</c>.</summary>
public sealed class MpiCollectiveTimeoutTests
{
    [Theory]
    [InlineData(null, -1.0)]
    [InlineData(" ", -1.0)]
    [InlineData("30", 30.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("00:01:00", 60.0)]
    public void Parse_AcceptsSecondsOrATimeSpan(string? text, double seconds) =>
        Assert.Equal(seconds < 0 ? null : TimeSpan.FromSeconds(seconds), MpiCollectiveTimeout.Parse(text));

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("soon")]
    [InlineData("NaN")]
    public void Parse_RejectsWhatIsNotAPositiveDuration(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => MpiCollectiveTimeout.Parse(text));
        Assert.Contains($"Heat:Mpi:CollectiveTimeout is '{text}'; expected a positive number of seconds", e.Message);
    }
}
