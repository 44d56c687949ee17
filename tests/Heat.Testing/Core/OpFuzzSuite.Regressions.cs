// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Core;

// The bugs the differential fuzzer found, one regression case each (the fuzz seed that found it in the summary).
public abstract partial class OpFuzzSuite<TWorld>
{
    /// <summary>Fuzz seed 10: repeat along the split axis of a one-rank array kept the old split counts, so the chunk
    /// map said 1 where the shape said 2 and the next indexing step mis-sized its result.</summary>
    [Theory, MemberData(nameof(Ranks))]
    public void Repeat_AlongSplitAxis_ChunkMapCoversShape(int ranks) => World.Run(ranks, () =>
    {
        var data = Iota(20);
        using var x = ht.array(data, [5, 1, 4], split: 1);
        using var r = ht.repeat(x, 2, 1);
        var map = r.lshape_map;
        long sum = 0;
        for (int i = 0; i < map.GetLength(0); i++) sum += map[i, 1];
        Assert.Equal(2, sum);
        using var v = r[ht.ellipsis, ht.newaxis];
        Assert.Equal(new long[] { 5, 2, 4, 1 }, v.shape);
        var expected = new double[40];
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 2; j++)
                for (int k = 0; k < 4; k++) expected[(i * 2 + j) * 4 + k] = data[i * 4 + k];
        Assert.Equal(expected, v.ToArray<double>());
    });

    /// <summary>Fuzz seed 100..399 campaign: indexing a 1-byte array (bool, uint8, int8) with a mask or an index array
    /// that selects whole rows recursed forever in the managed row copy (<c>RowLayout.Copy</c> called its own byte*
    /// overload instead of the generic one): a stack overflow that killed the process.</summary>
    [Theory, MemberData(nameof(Ranks))]
    public void AdvancedIndexing_OfOneByteRows_Copies(int ranks) => World.Run(ranks, () =>
    {
        var data = Iota(12).Select(v => v % 3 == 0 ? 1.0 : 0.0).ToArray();
        foreach (var t in new[] { DType.Bool, DType.UInt8, DType.Int8 })
            foreach (var split in new int?[] { null, 0, 1 })
            {
                using var f = ht.array(data, [3, 4], split: split);
                using var x = f.astype(t);
                using var rows = x[new long[] { 2, 0, -1 }];
                Assert.Equal(new long[] { 3, 4 }, rows.shape);
                var expected = new[] { 2, 0, 2 }.SelectMany(r => data.Skip(r * 4).Take(4)).ToArray();
                Assert.Equal(expected, rows.ToArray<double>());
                using var mask = ht.array(new[] { true, false, true });
                using var masked = x[mask];
                Assert.Equal(data.Take(4).Concat(data.Skip(8)).ToArray(), masked.ToArray<double>());
                using var y = ht.copy(x);
                y[new long[] { 1 }] = 1;
                using var row = y[1];
                Assert.Equal(new double[] { 1, 1, 1, 1 }, row.ToArray<double>());
            }
    });

    /// <summary>Fuzz seed 5092: topk along the split axis of an empty array (another axis 0) sliced k rows out of each
    /// rank's chunk, which can be shorter than k: an ArgumentOutOfRangeException on 5 ranks, none on one.</summary>
    [Theory, MemberData(nameof(Ranks))]
    public void TopK_OfEmptyArray_AlongSplit_GivesEmptyResult(int ranks) => World.Run(ranks, () =>
    {
        using var x = ht.zeros([0, 2, 4, 0], dtype: DType.Bool, split: 2);
        var (values, indices) = ht.topk(x, 2, 2);
        using (values)
        using (indices)
        {
            Assert.Equal(new long[] { 0, 2, 2, 0 }, values.shape);
            Assert.Equal(new long[] { 0, 2, 2, 0 }, indices.shape);
            Assert.Equal(DType.Bool, values.dtype);
            Assert.Empty(values.ToArray<double>());
        }
    });
}
