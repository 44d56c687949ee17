// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Testing;
using Xunit;

namespace Heat.Comm.Mpi.Driver;

/// <summary>
/// Messages of more than 2^31 elements and bytes through the large-count (<c>_c</c>) calls, on 2 ranks only (one
/// 2 GiB native buffer per rank); contents are checked by sampling around the 2^31 boundary.
/// </summary>
public sealed unsafe class MpiLargeMessages(ITestWorld world)
{
    private const long N = (1L << 31) + 4099;

    /// <summary>Two ranks only: the buffers are large.</summary>
    public static TheoryData<int> Ranks => new() { 2 };

    private static byte Pattern(long i, int salt) => (byte)((i * 31 + (i >> 20) + salt) & 0xFF);

    private static IEnumerable<long> Samples()
    {
        for (long i = 0; i < N; i += 7_777_777) yield return i;
        for (long i = int.MaxValue - 3; i < N; i += 1001) yield return i;
        yield return N - 1;
    }

    [Theory, MemberData(nameof(Ranks))]
    public void SendrecvAndBcast_Over2GiB(int ranks) => world.Run(ranks, c =>
    {
        byte* p = (byte*)NativeMemory.Alloc((nuint)N);
        try
        {
            var buffer = new CommBuffer<byte>(p, N);
            if (c.Rank == 0)
            {
                NativeMemory.Clear(p, (nuint)N);
                foreach (long i in Samples()) p[i] = Pattern(i, 1);
                c.Send(buffer, 1, 5);
            }
            else
            {
                NativeMemory.Clear(p, (nuint)N);
                var status = c.Recv(buffer, 0, 5);
                Assert.Equal(new CommStatus(0, 5, N), status);
                foreach (long i in Samples()) Assert.Equal(Pattern(i, 1), p[i]);
                foreach (long i in Samples()) p[i] = Pattern(i, 2);
            }
            c.Bcast(buffer, root: 1);
            foreach (long i in Samples()) Assert.Equal(Pattern(i, 2), p[i]);
        }
        finally { NativeMemory.Free(p); }
    });
}
