// SPDX-License-Identifier: MIT
using Heat.Cli;

namespace Heat.Cli.Tests;

/// <summary>Runs the command tree in process, capturing its output (one class: console redirection is
/// process-wide).</summary>
[Collection("console")]
public class CliTests
{
    private static (int Exit, string Out, string Err) Invoke(params string[] args) => CommandRunner.Invoke(args);

    [Fact]
    public void Info_OnTwoRanks_PrintsOneLinePerRank()
    {
        var (exit, output, _) = Invoke("info", "--ranks", "2");
        Assert.Equal(0, exit);
        Assert.Contains("rank 0/2", output);
        Assert.Contains("rank 1/2", output);
        Assert.Contains("backend managed", output);
        Assert.Contains("communicator inproc", output);
        Assert.Contains("Components: backends ilgpu, managed, opencl, torch; "
            + "communicators auto, self, inproc, mpi", output);
        Assert.Contains("ILGPU: CPU", output);
    }

    [Fact]
    public void Demo_OnFourRanks_ComputesTheGlobalMean()
    {
        var (exit, output, _) = Invoke("demo", "--ranks", "4", "--size", "10");
        Assert.Equal(0, exit);
        Assert.Contains("rank 3/4: holds [8, 10)", output);
        Assert.Contains("global sum 45", output);
        Assert.Contains("mean 4.5", output);
    }

    [Theory]
    [InlineData("info", "--ranks", "-1")]
    [InlineData("info", "--ranks", "many")]
    [InlineData("frobnicate")]
    public void BadArguments_GiveAUsageError(params string[] args)
    {
        var (exit, _, err) = Invoke(args);
        Assert.NotEqual(0, exit);
        Assert.NotEmpty(err);
    }
}
