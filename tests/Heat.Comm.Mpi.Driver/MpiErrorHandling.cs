// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Testing;
using Xunit;

namespace Heat.Comm.Mpi.Driver;

/// <summary>MPI errors become exceptions with MPI's text; invalid reductions fail on every rank before communicating.</summary>
public sealed class MpiErrorHandling(ITestWorld world)
{
    /// <summary>Two to five ranks (ranks 0 and 1 exchange; in the CI's 3- and 4-rank runs this is the polling mode).</summary>
    public static TheoryData<int> Ranks => new() { 2, 3, 4, 5 };

    [Theory, MemberData(nameof(Ranks))]
    public void TruncatedReceive_ThrowsCommunicationException_AndTheCommunicatorStaysUsable(int ranks) => world.Run(ranks, c =>
    {
        if (c.Rank == 0) c.Send<int>(new int[10], 1, tag: 3);
        else if (c.Rank == 1)
        {
            var e = Assert.Throws<CommunicationException>(() => c.Recv<int>(new int[5], 0, tag: 3));
            Assert.Contains("MPI_", e.Message);
            Assert.Contains("truncated", e.Message, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(c.Size * (c.Size - 1) / 2, c.Allreduce(c.Rank, ReduceOp.Sum));
    });

    [Theory, MemberData(nameof(Ranks))]
    public void UndefinedReduction_ThrowsOnEveryRank_BeforeCommunicating(int ranks) => world.Run(ranks, c =>
    {
        var e = Assert.Throws<NotSupportedException>(() => c.Allreduce(1.5, ReduceOp.BAnd));
        Assert.Contains("band", e.Message);
        Assert.Throws<NotSupportedException>(() => c.Allreduce(new System.Numerics.Complex(1, 2), ReduceOp.Max));
        Assert.Equal(1.5 * c.Size, c.Allreduce(1.5, ReduceOp.Sum));
    });
}
