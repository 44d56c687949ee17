// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// ht.signal.convolve / convolve2d and the halo exchange on the world's rank counts against the definition of the
/// convolution (host loops): every mode, strides, odd and even filters, filters longer than a local chunk, balanced and
/// unbalanced chunks (empty ones), every split incl. None, batches; bad arguments raised on every rank.
/// </summary>
public abstract class SignalSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly string[] Modes = ["full", "same", "valid"];

    /// <summary>NumPy's convolve (the longer operand is the signal), then every stride-th output.</summary>
    public static double[] Reference1d(double[] a, double[] v, string mode, long stride)
    {
        if (v.Length > a.Length) (a, v) = (v, a);
        int n = a.Length, m = v.Length;
        var full = new double[n + m - 1];
        for (int k = 0; k < full.Length; k++)
            for (int j = Math.Max(0, k - m + 1); j <= Math.Min(n - 1, k); j++) full[k] += a[j] * v[k - j];
        var (start, length) = mode switch { "full" => (0, n + m - 1), "same" => ((m - 1) / 2, n), _ => (m - 1,
            n - m + 1) };
        return full.Skip(start).Take(length).Where((_, i) => i % stride == 0).ToArray();
    }

    /// <summary>The 2-d convolution (rows × cols, row-major) by the definition, with modes and strides per
    /// axis.</summary>
    public static (double[] Values, long Rows, long Cols) Reference2d(double[] a, long h, long w, double[] v, long mh,
        long mw, string mode, long sr, long sc)
    {
        long fh = h + mh - 1, fw = w + mw - 1;
        var full = new double[fh * fw];
        for (long i = 0; i < fh; i++)
            for (long j = 0; j < fw; j++)
            {
                double acc = 0;
                for (long p = 0; p < mh; p++)
                    for (long q = 0; q < mw; q++)
                    {
                        long x = i - p, y = j - q;
                        if (x >= 0 && x < h && y >= 0 && y < w) acc += a[x * w + y] * v[p * mw + q];
                    }
                full[i * fw + j] = acc;
            }
        (long Start, long Length) Axis(long n, long m) => mode switch { "full" => (0, n + m - 1),
            "same" => ((m - 1) / 2, n), _ => (m - 1, n - m + 1) };
        var (r0, rl) = Axis(h, mh);
        var (c0, cl) = Axis(w, mw);
        long rows = (rl - 1) / sr + 1, cols = (cl - 1) / sc + 1;
        var result = new double[rows * cols];
        for (long i = 0; i < rows; i++)
            for (long j = 0; j < cols; j++) result[i * cols + j] = full[(r0 + i * sr) * fw + c0 + j * sc];
        return (result, rows, cols);
    }

    private static double[] Values(int n, int salt) => Enumerable.Range(0,
        n).Select(i => (double)((i * 7 + salt * 3) % 11 - 5)).ToArray();

    private static DNDarray Make(double[] data, long[] shape, int? split, bool unbalanced) =>
        unbalanced && split is int s ? Reference.Unbalanced(data, shape, s) : ht.array(data, shape, split: split);

    public static TheoryData<int, int?, bool> Layouts1d
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
            {
                data.Add(r, null, false);
                data.Add(r, 0, false);
                data.Add(r, 0, true);
            }
            return data;
        }
    }

    [Theory, MemberData(nameof(Layouts1d))]
    public void Convolve_EqualsTheDefinition_ForEveryModeStrideAndFilter(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (int n in new[] { 1, 6, 23 })
                foreach (int m in new[] { 1, 2, 3, 4, 8 })
                {
                    if (m > n && n > 1 && m != 8) continue;
                    var av = Values(n, 1);
                    var vv = Values(m, 2);
                    using var a = Make(av, [n], split, unbalanced);
                    foreach (int? vsplit in new int?[] { null, 0 })
                    {
                        using var v = ht.array(vv, [m], split: vsplit);
                        foreach (var mode in Modes)
                            foreach (long stride in mode == "same" ? new long[] { 1 } : [1, 2, 3])
                            {
                                using var c = ht.signal.convolve(a, v, mode, stride);
                                var expected = Reference1d(av, vv, mode, stride);
                                Assert.Equal(new long[] { expected.Length }, c.shape);
                                Assert.Equal(m > n ? vsplit : split, c.split);   // the longer operand is the signal
                                Assert.Equal(ht.float64, c.dtype);
                                Assert.Equal(expected, c.ToArray<double>());
                                if (c.split is not null) Assert.True(c.is_balanced(force_check: true));
                            }
                    }
                }
        });
    }

    [Theory, MemberData(nameof(Layouts1d))]
    public void Convolve_OfIntegersAndFloat32_KeepsThePromotedType(int ranks, int? split, bool unbalanced)
    {
        var av = Values(17, 3);
        var vv = Values(5, 4);
        World.Run(ranks, () =>
        {
            using var a64 = Make(av, [17], split, unbalanced);
            using var a = a64.astype(ht.int32);
            using var v = ht.array(vv.Select(x => (long)x).ToArray(), [5]);
            using var c = ht.convolve(a, v, "same");
            Assert.Equal(ht.int64, c.dtype);
            Assert.Equal(Reference1d(av, vv, "same", 1), c.ToArray<double>());
            using var f = a64.astype(ht.float32);
            using var vf = ht.array(vv.Select(x => (float)x * 0.25f).ToArray(), [5]);
            using var cf = ht.convolve(f, vf, "full", 2);
            Assert.Equal(ht.float32, cf.dtype);
            Reference.AssertClose(Reference1d(av, vv.Select(x => x * 0.25).ToArray(), "full", 2), cf.ToArray<double>(),
                1e-6);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Convolve_SwapsAFilterLongerThanTheSignal(int ranks)
    {
        var av = Values(4, 5);
        var vv = Values(13, 6);
        World.Run(ranks, () =>
        {
            using var a = ht.array(av, [4], split: 0);
            using var v = ht.array(vv, [13], split: 0);
            foreach (var mode in Modes)
            {
                using var c = ht.convolve(a, v, mode);
                Assert.Equal(Reference1d(av, vv, mode, 1), c.ToArray<double>());
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Convolve_OfABatch_ConvolvesEveryRow(int ranks, int? split)
    {
        const int rows = 4, n = 9, m = 3;
        var av = Values(rows * n, 7);
        var shared = Values(m, 8);
        var perRow = Values(rows * m, 9);
        World.Run(ranks, () =>
        {
            using var a = ht.array(av, [rows, n], split: split);
            foreach (var mode in Modes)
                foreach (long stride in mode == "same" ? new long[] { 1 } : [1, 2])
                {
                    using var v = ht.array(shared, [m]);
                    using var c = ht.convolve(a, v, mode, stride);
                    using var vb = ht.array(perRow, [rows, m], split: 0);
                    using var cb = ht.convolve(a, vb, mode, stride);
                    Assert.Equal(split, c.split);
                    var expected = new List<double>();
                    var expectedB = new List<double>();
                    for (int r = 0; r < rows; r++)
                    {
                        var row = av.Skip(r * n).Take(n).ToArray();
                        expected.AddRange(Reference1d(row, shared, mode, stride));
                        expectedB.AddRange(Reference1d(row, perRow.Skip(r * m).Take(m).ToArray(), mode, stride));
                    }
                    Assert.Equal(new long[] { rows, expected.Count / rows }, c.shape);
                    Assert.Equal(expected, c.ToArray<double>());
                    Assert.Equal(expectedB, cb.ToArray<double>());
                }
        });
    }

    public static TheoryData<int, int?, bool> Layouts2d
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                {
                    data.Add(r, s, false);
                    if (s is not null) data.Add(r, s, true);
                }
            return data;
        }
    }

    [Theory, MemberData(nameof(Layouts2d))]
    public void Convolve2d_EqualsTheDefinition(int ranks, int? split, bool unbalanced)
    {
        const long h = 7, w = 9;
        var av = Values((int)(h * w), 10);
        World.Run(ranks, () =>
        {
            using var a = Make(av, [h, w], split, unbalanced);
            foreach (var (mh, mw) in new[] { (3L, 2L), (1L, 1L), (2L, 5L), (6L, 3L) })
            {
                var vv = Values((int)(mh * mw), 11);
                foreach (int? vsplit in new int?[] { null, 1 })
                {
                    using var v = ht.array(vv, [mh, mw], split: vsplit);
                    foreach (var mode in Modes)
                        foreach (var (sr, sc) in mode == "same" ? new[] { (1L, 1L) } : [(1L, 1L), (2L, 1L), (1L, 3L)])
                        {
                            using var c = ht.signal.convolve2d(a, v, mode, (sr, sc));
                            var (expected, rows, cols) = Reference2d(av, h, w, vv, mh, mw, mode, sr, sc);
                            Assert.Equal(new long[] { rows, cols }, c.shape);
                            Assert.Equal(split, c.split);
                            Assert.Equal(expected, c.ToArray<double>());
                        }
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Convolve2d_OfABatch_ConvolvesEveryMatrix(int ranks, int? split)
    {
        const long b = 3, h = 4, w = 5;
        var av = Values((int)(b * h * w), 12);
        var vv = Values(6, 13);
        World.Run(ranks, () =>
        {
            using var a = ht.array(av, [b, h, w], split: split);
            using var v = ht.array(vv, [2, 3]);
            using var c = ht.convolve2d(a, v, "full");
            var expected = new List<double>();
            for (int i = 0; i < b; i++) expected.AddRange(Reference2d(av.Skip((int)(i * h * w)).Take((int)(h *
                w)).ToArray(), h, w, vv, 2, 3, "full", 1, 1).Values);
            Assert.Equal(new long[] { b, h + 1, w + 2 }, c.shape);
            Assert.Equal(expected, c.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Layouts1d))]
    public void GetHalo_GathersFromAsManyRanksAsNeeded(int ranks, int? split, bool unbalanced)
    {
        const int n = 11, cols = 2;
        var data = Enumerable.Range(0, n * cols).Select(i => (double)i).ToArray();
        World.Run(ranks, () =>
        {
            using var x = Make(data, [n, cols], split, unbalanced);
            foreach (long size in new long[] { 0, 1, 3, 7 })
            {
                x.get_halo(size);
                long count = x.lshape[0];
                bool distributed = x.is_distributed();
                long start = split is null ? 0 : x.counts_displs().displs[x.comm.Rank];
                long prev = !distributed || count == 0 ? 0 : Math.Min(size, start);
                long next = !distributed || count == 0 ? 0 : Math.Min(size, n - start - count);
                Assert.Equal(prev == 0, x.halo_prev is null);
                Assert.Equal(next == 0, x.halo_next is null);
                using var all = x.array_with_halos;
                Assert.Equal(new[] { prev + count + next, cols }, all.GetShape());
                var got = Heat.Abstractions.TensorBackendExtensions.ToArray<double>(all);
                Assert.Equal(data.Skip((int)((start - prev) * cols)).Take(got.Length).ToArray(), got);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([9], split: 0);
            using var v = ht.ones([3]);
            using var c = ht.convolve(a, v, "circular");
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([9], split: 0);
            using var v = ht.ones([3]);
            using var c = ht.convolve(a, v, "full", 0);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([9], split: 0);
            using var v = ht.ones([3]);
            using var c = ht.convolve(a, v, "same", 2);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([9], dtype: ht.uint8, split: 0);
            using var v = ht.ones([3], dtype: ht.uint8);
            using var c = ht.convolve(a, v);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([9], split: 0);
            using var v = ht.ones([0]);
            using var c = ht.convolve(a, v);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([4, 9], split: 0);
            using var v = ht.ones([3, 3]);
            using var c = ht.convolve(a, v);   // filter batch 3 ≠ signal batch 4
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([5, 4], split: 1);
            using var v = ht.ones([6, 2]);
            using var c = ht.convolve2d(a, v);  // larger in one axis, smaller in the other
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([9], split: 0);
            a.get_halo(-1);
        });
    }
}
