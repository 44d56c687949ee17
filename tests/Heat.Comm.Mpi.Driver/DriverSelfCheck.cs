// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;
using Xunit;

namespace Heat.Comm.Mpi.Driver;

/// <summary>
/// Cases that check the driver itself (run only with <c>--self-check</c>): one passes, one fails on the last rank
/// only after all collectives (the ranks must agree it failed and go on), and one more passes afterwards (the ranks
/// stayed in step).
/// </summary>
public sealed class DriverSelfCheck(ITestWorld world)
{
    /// <summary>Rank counts 1 to 5, as in the shared suites.</summary>
    public static TheoryData<int> Ranks => new() { 1, 2, 3, 4, 5 };

    [Theory, MemberData(nameof(Ranks))]
    public void A_Passes(int ranks) => world.Run(ranks, c => Assert.Equal(ranks, c.Allreduce(1, ReduceOp.Sum)));

    [Theory, MemberData(nameof(Ranks))]
    public void B_FailsOnLastRankOnly(int ranks) => world.Run(ranks, c =>
    {
        int total = c.Allreduce(c.Rank, ReduceOp.Sum);
        Assert.True(c.Rank != c.Size - 1, $"deliberate failure on the last rank (sum {total})");
    });

    [Theory, MemberData(nameof(Ranks))]
    public void C_PassesAfterAFailure(int ranks) => world.Run(ranks, c => Assert.Equal(ranks * (ranks - 1) / 2, c.Allreduce(c.Rank, ReduceOp.Sum)));
}
