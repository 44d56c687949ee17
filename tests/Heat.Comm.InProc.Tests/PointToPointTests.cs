// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Comm.InProc.Tests;

/// <summary>InProc-specific guarantees beyond the shared suite: when requests complete, aliasing, rendezvous.</summary>
public sealed unsafe class PointToPointTests
{
    [Fact]
    public void LargeIsend_DoesNotCompleteBeforeTheReceiverTakesIt()
    {
        InProcWorld.RunCommunicators(2, c =>
        {
            var data = new long[InProcCommunicator.EagerBytes / sizeof(long) * 4];
            if (c.Rank == 0)
            {
                data.AsSpan().Fill(42);
                var request = c.Isend<long>(data, 1, 0);
                Thread.Sleep(50);
                Assert.False(request.Test());   // the receive is not posted yet: the data is still only in our buffer
                c.Barrier();
                request.Wait();
                Assert.True(request.Test());
            }
            else
            {
                c.Barrier();
                c.Recv<long>(data, 0, 0);
                Assert.All(data, v => Assert.Equal(42, v));
            }
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void SmallIsend_CompletesAtOnce_AndTheBufferMayBeReused()
    {
        InProcWorld.RunCommunicators(2, c =>
        {
            var data = new int[] { 1, 2, 3 };
            if (c.Rank == 0)
            {
                var request = c.Isend<int>(data, 1, 0);
                Assert.True(request.Test());
                data[0] = 99;                       // staged: the receiver still gets the original values
                c.Barrier();
            }
            else
            {
                c.Barrier();
                c.Recv<int>(data, 0, 0);
                Assert.Equal([1, 2, 3], data);
            }
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ScanAndAllreduce_WithAliasedBuffers_AreCorrect()
    {
        InProcWorld.RunCommunicators(3, c =>
        {
            foreach (int n in new[] { 10, 50_000 })
            {
                var buffer = Enumerable.Repeat((long)c.Rank + 1, n).ToArray();
                fixed (long* p = buffer)
                {
                    var b = new CommBuffer<long>(p, n);
                    c.Scan(b, b, ReduceOp.Sum);
                    long expected = (c.Rank + 1L) * (c.Rank + 2) / 2;
                    Assert.All(buffer, v => Assert.Equal(expected, v));
                    c.Allreduce(b, b, ReduceOp.Max);
                    Assert.All(buffer, v => Assert.Equal(6, v));
                }
            }
        }, TimeSpan.FromSeconds(10));
    }
}
