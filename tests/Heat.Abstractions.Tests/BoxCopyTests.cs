// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;

namespace Heat.Abstractions.Tests;

/// <summary>Copies between strided byte boxes against an element-by-element reference, for merged and unmerged layouts.</summary>
public sealed unsafe class BoxCopyTests
{
    public static TheoryData<int> ItemSizes => new() { 1, 2, 4, 8, 12, 16, 32 };

    [Theory, MemberData(nameof(ItemSizes))]
    public void Copy_MatchesTheElementwiseDefinition_ForEveryPermutedLayout(int item)
    {
        long[] counts = [3, 1, 4, 5];
        var rng = new Random(item);
        long total = counts.Aggregate(1L, (a, b) => a * b);
        var source = new byte[total * item * 3];
        rng.NextBytes(source);
        foreach (var order in new[] { new[] { 0, 1, 2, 3 }, [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2] })
        {
            // Source: dense in the permuted order with a gap after every innermost run; destination: dense row-major.
            var from = new ByteBox(item, counts, Permuted(counts, order, item, gap: item), item);
            var to = BoxCopy.Dense(from, 0);
            var got = new byte[total * item];
            fixed (byte* s = source, d = got) BoxCopy.Copy(s, from, d, to);
            Assert.Equal(Reference(source, from, total), got);
            // And back into a fresh strided layout.
            var back = new byte[source.Length];
            fixed (byte* s = got, d = back) BoxCopy.Copy(s, to, d, from);
            Assert.Equal(Reference(source, from, total), Reference(back, from, total));
        }
    }

    [Theory]
    [InlineData(1000, 0)]
    [InlineData(4096, 3)]
    [InlineData(333, 17)]
    public void Copy_OfLargeBoxes_StreamsEveryByte(int run, int misalign)
    {
        // Above BoxCopy.StreamingFrom the destination is written with non-temporal stores: heads, bodies and tails.
        long rows = BoxCopy.StreamingFrom / run + 7, pitch = run + 40;
        var source = new byte[rows * pitch];
        new Random(run).NextBytes(source);
        var from = new ByteBox(5, [rows, run], [pitch, 1], 1);
        var to = new ByteBox(misalign, [rows, run], [run, 1], 1);
        var got = new byte[misalign + rows * run + 9];
        fixed (byte* s = source, d = got) BoxCopy.Copy(s, from, d, to);
        Assert.True(from.Bytes >= BoxCopy.StreamingFrom);
        Assert.Equal(Reference(source, from, from.Items), got.AsSpan(misalign, (int)(rows * run)).ToArray());
        Assert.All(got.AsSpan(0, misalign).ToArray(), b => Assert.Equal(0, b));
        Assert.All(got.AsSpan(misalign + (int)(rows * run)).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Dense_And_IsDense_DescribeRowMajorBoxes()
    {
        var dense = BoxCopy.Dense(new ByteBox(0, [2, 3], [0, 0], 4), 16);
        Assert.Equal(new long[] { 12, 4 }, dense.Strides);
        Assert.Equal(16, dense.Offset);
        Assert.True(BoxCopy.IsDense(dense));
        Assert.False(BoxCopy.IsDense(new ByteBox(0, [2, 3], [16, 4], 4)));
        Assert.True(BoxCopy.IsDense(new ByteBox(0, [1, 3], [999, 4], 4)));
        Assert.Equal(40, new ByteBox(16, [2, 3], [12, 4], 4).End);
        Assert.Equal(24, new ByteBox(16, [2, 3], [12, 4], 4).Bytes);
    }

    [Fact]
    public void Copy_RefusesBoxesOfDifferentItems()
    {
        var buffer = new byte[64];
        fixed (byte* pinned = buffer)
        {
            nint b = (nint)pinned;
            var e = Assert.Throws<ArgumentException>(() => BoxCopy.Copy((byte*)b, new ByteBox(0, [2, 3], [12, 4], 4), (byte*)b, new ByteBox(0, [3, 2], [8, 4], 4)));
            Assert.Contains("[2, 3]", e.Message);
        }
    }

    private static long[] Permuted(long[] counts, int[] order, int item, int gap)
    {
        // order lists dimensions from outermost to innermost in memory.
        var strides = new long[counts.Length];
        long stride = item + gap;
        for (int k = order.Length - 1; k >= 0; k--) { strides[order[k]] = stride; stride *= counts[order[k]]; }
        return strides;
    }

    private static byte[] Reference(byte[] buffer, ByteBox box, long total)
    {
        var result = new byte[total * box.ItemBytes];
        var index = new long[box.Counts.Length];
        for (long n = 0; n < total; n++)
        {
            long at = box.Offset;
            for (int d = 0; d < index.Length; d++) at += index[d] * box.Strides[d];
            Array.Copy(buffer, at, result, n * box.ItemBytes, box.ItemBytes);
            for (int d = index.Length - 1; d >= 0; d--) { if (++index[d] < box.Counts[d]) break; index[d] = 0; }
        }
        return result;
    }
}
