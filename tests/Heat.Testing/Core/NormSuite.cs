// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// norm, vector_norm and matrix_norm on 1..5 ranks and every split: every ord against plain double arithmetic
/// (NumPy's definitions), axis pairs in either order, keepdims, 1e300 entries (no overflow) and 1e-300 entries (no
/// underflow), bad orders raised on every rank.
/// </summary>
public abstract class NormSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    // 5 x 7, values with both signs.
    private static readonly double[] Data = Enumerable.Range(0, 35).Select(i => (i * 13 % 17) - 8.5).ToArray();

    private static double RowSum(int i, Func<double, double> f) => Enumerable.Range(0, 7).Sum(j => f(Data[i * 7 + j]));

    private static double ColSum(int j, Func<double, double> f) => Enumerable.Range(0, 5).Sum(i => f(Data[i * 7 + j]));

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void VectorNorms_EveryOrd(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var x = ht.array(Data, [5, 7], split: split);
            Assert.Equal(Math.Sqrt(Data.Sum(v => v * v)), ht.linalg.norm(x).item<double>(), 1e-12);
            Assert.Equal(Data.Sum(Math.Abs), ht.linalg.vector_norm(x, ord: 1).item<double>(), 1e-12);
            Assert.Equal(Data.Max(Math.Abs), ht.linalg.vector_norm(x, ord: double.PositiveInfinity).item<double>());
            Assert.Equal(Data.Min(Math.Abs), ht.linalg.vector_norm(x, ord: double.NegativeInfinity).item<double>());
            Assert.Equal(Data.Count(v => v != 0), ht.linalg.vector_norm(x, ord: 0).item<double>());
            Assert.Equal(Math.Pow(Data.Sum(v => Math.Pow(Math.Abs(v), 3)), 1.0 / 3), ht.linalg.vector_norm(x,
                ord: 3).item<double>(), 1e-12);
            using var rows = ht.linalg.vector_norm(x, axis: 1);
            Assert.Equal([5L], rows.shape);
            Reference.AssertClose(Enumerable.Range(0, 5).Select(i => Math.Sqrt(RowSum(i, v => v * v))).ToArray(),
                rows.ToArray<double>(), 1e-12);
            using var kept = ht.linalg.vector_norm(x, axis: 0, keepdims: true, ord: 1);
            Assert.Equal([1L, 7L], kept.shape);
            Reference.AssertClose(Enumerable.Range(0, 7).Select(j => ColSum(j, Math.Abs)).ToArray(),
                kept.ToArray<double>(), 1e-12);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void MatrixNorms_EveryOrd(int ranks, int? split)
    {
        var colSums = Enumerable.Range(0, 7).Select(j => ColSum(j, Math.Abs)).ToArray();
        var rowSums = Enumerable.Range(0, 5).Select(i => RowSum(i, Math.Abs)).ToArray();
        World.Run(ranks, () =>
        {
            using var x = ht.array(Data, [5, 7], split: split);
            Assert.Equal(Math.Sqrt(Data.Sum(v => v * v)), ht.linalg.matrix_norm(x).item<double>(), 1e-12);
            Assert.Equal(colSums.Max(), ht.linalg.matrix_norm(x, ord: 1).item<double>(), 1e-12);
            Assert.Equal(colSums.Min(), ht.linalg.matrix_norm(x, ord: -1).item<double>(), 1e-12);
            Assert.Equal(rowSums.Max(), ht.linalg.norm(x, ord: double.PositiveInfinity).item<double>(), 1e-12);
            Assert.Equal(rowSums.Min(), ht.linalg.norm(x, ord: double.NegativeInfinity).item<double>(), 1e-12);
            // Axis pair (1, 0) is the transpose: its 1-norm is the 1-norm of xᵀ = the inf-norm of x.
            Assert.Equal(rowSums.Max(), ht.linalg.matrix_norm(x, axis: [1, 0], ord: 1).item<double>(), 1e-12);
            using var whole = ht.array(Data, [5, 7]);
            var (_, s, _) = ht.linalg.svd(whole.astype(ht.float64), compute_uv: false);
            var sv = s.ToArray<double>();
            Assert.Equal(sv.Max(), ht.linalg.matrix_norm(x, ord: 2).item<double>(), 1e-12);
            Assert.Equal(sv.Min(), ht.linalg.matrix_norm(x, ord: -2).item<double>(), 1e-12);
            Assert.Equal(sv.Sum(), ht.linalg.norm(x, ord: "nuc").item<double>(), 1e-11);
            using var kept = ht.linalg.matrix_norm(x, keepdims: true, ord: "fro");
            Assert.Equal([1L, 1L], kept.shape);
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Norms_NeitherOverflowNorUnderflow(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            foreach (double scale in new[] { 1e300, 1e-300 })
            {
                using var x = ht.array(Data.Select(v => v * scale).ToArray(), [5, 7], split: split);
                double fro = Math.Sqrt(Data.Sum(v => v * v)) * scale;
                Assert.Equal(1.0, ht.linalg.norm(x).item<double>() / fro, 1e-12);
                Assert.Equal(1.0, ht.linalg.matrix_norm(x, ord: "fro").item<double>() / fro, 1e-12);
                Assert.Equal(1.0, ht.linalg.vector_norm(x,
                    ord: 3).item<double>() / (Math.Pow(Data.Sum(v => Math.Pow(Math.Abs(v), 3)), 1.0 / 3) * scale),
                        1e-12);
                using var whole = ht.array(Data, [5, 7], dtype: ht.float64);
                double two = ht.linalg.matrix_norm(whole, ord: 2).item<double>();
                Assert.Equal(1.0, ht.linalg.matrix_norm(x, ord: 2).item<double>() / (two * scale), 1e-12);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Norms_ThreeDimensions_AndComplex(int ranks)
    {
        var data = Enumerable.Range(0, 2 * 3 * 4).Select(i => (double)(i % 7 - 3)).ToArray();
        World.Run(ranks, () =>
        {
            foreach (int? split in new int?[] { null, 0, 1, 2 })
            {
                using var x = ht.array(data, [2, 3, 4], split: split);
                using var fro = ht.linalg.matrix_norm(x, axis: [2, 0]);
                Assert.Equal([3L], fro.shape);
                var expected = Enumerable.Range(0, 3).Select(j => Math.Sqrt(Enumerable.Range(0,
                    2).Sum(i => Enumerable.Range(0,
                        4).Sum(k => data[i * 12 + j * 4 + k] * data[i * 12 + j * 4 + k])))).ToArray();
                Reference.AssertClose(expected, fro.ToArray<double>(), 1e-12);
                using var nuc = ht.linalg.matrix_norm(x, ord: "nuc", keepdims: true);
                Assert.Equal([2L, 1L, 1L], nuc.shape);
            }
            using var c = ht.array(new[] { new System.Numerics.Complex(3, 4), new System.Numerics.Complex(0, 0) }, [2],
                split: 0);
            using var n = ht.linalg.norm(c);
            Assert.Equal(ht.float64, n.dtype);
            Assert.Equal(5.0, n.item<double>(), 1e-14);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadOrders_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.matrix_norm(ht.ones([3, 4], split: 0),
            ord: 3));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.vector_norm(ht.ones([3, 4], split: 0),
            ord: "fro"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.matrix_norm(ht.ones([3], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.norm(ht.ones([3, 4], split: 0), axis: 1,
            ord: "nuc"));
    }
}
