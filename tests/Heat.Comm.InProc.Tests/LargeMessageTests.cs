// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Comm.InProc.Tests;

/// <summary>Messages of more than 2^31 elements (and bytes) on 2 ranks; contents are checked by sampling.</summary>
/// <remarks>Each test holds at most two 2 GiB native buffers per rank pair (about 4 GiB) and frees them in finally.</remarks>
[Trait("Category", "Large")]
public sealed unsafe class LargeMessageTests
{
    private const long N = (1L << 31) + 4099;   // byte elements: over int.MaxValue elements and over 2^31 bytes
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    private static byte* Alloc(long n) => (byte*)NativeMemory.Alloc((nuint)n);

    private static byte Pattern(long i, int salt) => (byte)((i * 31 + (i >> 20) + salt) & 0xFF);

    private static void FillPattern(byte* p, long n, int salt)
    {
        // A cheap fill with a value per 1 MiB block, then exact pattern bytes at the sampled positions.
        for (long block = 0; block < n; block += 1 << 20)
            new Span<byte>(p + block, (int)Math.Min(1 << 20, n - block)).Fill((byte)(block >> 20));
        foreach (long i in Samples(n)) p[i] = Pattern(i, salt);
    }

    private static IEnumerable<long> Samples(long n)
    {
        for (long i = 0; i < n; i += 7_777_777) yield return i;
        for (long i = int.MaxValue - 3; i < n; i += 1001) yield return i;  // around and beyond the 2^31 boundary
        yield return n - 1;
    }

    private static void CheckPattern(byte* p, long n, int salt)
    {
        foreach (long i in Samples(n))
            if (p[i] != Pattern(i, salt)) Assert.Fail($"byte {i}: {p[i]} != {Pattern(i, salt)}");
        for (long block = 1 << 20; block < n - (1 << 20); block += 97L << 20)
            Assert.Equal((byte)(block >> 20), p[block + 12345]);
    }

    [Fact]
    public void SendRecv_Over2GiB()
    {
        InProcWorld.RunCommunicators(2, c =>
        {
            byte* p = Alloc(N);
            try
            {
                if (c.Rank == 0) { FillPattern(p, N, 1); c.Send(new CommBuffer<byte>(p, N), 1, 5); }
                else
                {
                    var st = c.Recv(new CommBuffer<byte>(p, N), 0, 5);
                    Assert.Equal(new CommStatus(0, 5, N), st);
                    CheckPattern(p, N, 1);
                }
            }
            finally { NativeMemory.Free(p); }
        }, Timeout);
    }

    [Fact]
    public void Bcast_Over2GiB()
    {
        InProcWorld.RunCommunicators(2, c =>
        {
            byte* p = Alloc(N);
            try
            {
                if (c.Rank == 1) FillPattern(p, N, 2);
                c.Bcast(new CommBuffer<byte>(p, N), root: 1);
                CheckPattern(p, N, 2);
            }
            finally { NativeMemory.Free(p); }
        }, Timeout);
    }

    [Fact]
    public void AllreduceInPlace_Over2GiB()
    {
        InProcWorld.RunCommunicators(2, c =>
        {
            byte* p = Alloc(N);
            try
            {
                for (long block = 0; block < N; block += 1 << 24)
                    new Span<byte>(p + block, (int)Math.Min(1 << 24, N - block)).Fill((byte)(c.Rank + 1));
                p[N - 1] = (byte)(10 * (c.Rank + 1));
                p[int.MaxValue] = (byte)(20 * (c.Rank + 1));
                c.AllreduceInPlace(new CommBuffer<byte>(p, N), ReduceOp.Sum);
                Assert.Equal(30, p[N - 1]);
                Assert.Equal(60, p[int.MaxValue]);
                for (long i = 0; i < N - 1; i += 3_333_331) if (i != int.MaxValue) Assert.Equal(3, p[i]);
                Assert.Equal(3, p[N / 2]);   // the boundary between the two ranks' segments
                Assert.Equal(3, p[N / 2 - 1]);
            }
            finally { NativeMemory.Free(p); }
        }, Timeout);
    }

    [Fact]
    public void Alltoallv_Over2GiB_With64BitDisplacements()
    {
        // Rank 0 sends N bytes to rank 1 (at a displacement of 16 in its send buffer) and a small block to itself;
        // rank 1 sends 8 bytes to rank 0. Peak: one 2 GiB buffer on each rank.
        InProcWorld.RunCommunicators(2, c =>
        {
            long big = N - 16;
            byte* p = Alloc(N);
            byte* small = Alloc(64);
            try
            {
                if (c.Rank == 0)
                {
                    FillPattern(p, N, 3);
                    c.Alltoallv(new CommBuffer<byte>(p, N), [8, big], [0, 16], new CommBuffer<byte>(small, 64), [8, 8], [0, 32]);
                    Assert.Equal(new Span<byte>(p, 8).ToArray(), new Span<byte>(small, 8).ToArray());
                    Assert.All(new Span<byte>(small + 32, 8).ToArray(), b => Assert.Equal(0xAB, b));
                }
                else
                {
                    new Span<byte>(small, 64).Fill(0xAB);
                    c.Alltoallv(new CommBuffer<byte>(small, 64), [8, 0], [0, 0], new CommBuffer<byte>(p, N), [big, 0], [16, 0]);
                    foreach (long i in Samples(N)) if (i >= 16) Assert.Equal(Pattern(i, 3), p[i]);
                }
            }
            finally { NativeMemory.Free(p); NativeMemory.Free(small); }
        }, Timeout);
    }
}
