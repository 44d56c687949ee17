// SPDX-License-Identifier: MIT
using System.Numerics;
using static Heat.Testing.Core.DenseReference;

namespace Heat.Testing.Core;

/// <summary>
/// ht.linalg.qr on 1..5 ranks, every split, tall, square and wide matrices, balanced and unbalanced chunks, merge
/// counts 2, 3 and all, float32/float64/complex: ‖A − QR‖/‖A‖ and ‖QᴴQ − I‖ below 20·max(m, n)·ε,
/// R upper
/// triangular, and the splits of Q and R as HeAT documents.
/// </summary>
public abstract class QrSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, string> Cases
    {
        get
        {
            var data = new TheoryData<int, int?, string>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 })
                    foreach (var t in new[] { "float32", "float64", "complex128" }) data.Add(r, s, t);
            return data;
        }
    }

    private static DType Type(string name) => name switch
    {
        "float32" => ht.float32,
        "float64" => ht.float64,
        "complex64" => ht.complex64,
        _ => ht.complex128,
    };

    [Theory, MemberData(nameof(Cases))]
    public void Qr_Reconstructs_WithOrthonormalQ(int ranks, int? split, string type)
    {
        var dtype = Type(type);
        World.Run(ranks, () =>
        {
            foreach (var (m, n) in new[] { (23, 4), (7, 7), (5, 9), (6, 5), (3, 1) })
                foreach (int merge in new[] { 2, 3, 0 })
                    Check(m, n, split, dtype, merge, unbalanced: false);
            if (dtype.Kind != DTypeKind.Complex && split is not null) Check(17, 5, split, dtype, 2, unbalanced: true);
        });
    }

    private static void Check(int m, int n, int? split, DType dtype, int merge, bool unbalanced)
    {
        var values = Values(m * n, m * 31 + n, dtype.Kind == DTypeKind.Complex);
        using var a = Array(values, [m, n], dtype, split, unbalanced);
        var (q, r) = ht.linalg.qr(a, procs_to_merge: merge);
        using (q)
        using (r)
        {
            int k = Math.Min(m, n);
            Assert.Equal([(long)m, k], q!.shape);
            Assert.Equal([(long)k, n], r.shape);
            Assert.Equal(dtype, q.dtype);
            Assert.Equal(dtype, r.dtype);
            int? expectedR = split switch
            {
                0 when a.is_distributed() => a.lshape_map.Cast<long>().Where((_,
                    i) => i % 2 == 0).Max() >= n ? null : 0,
                1 when a.is_distributed() => 1,
                _ => split is null || !a.is_distributed() ? (a.is_distributed() ? split : null) : split,
            };
            if (a.is_distributed()) Assert.Equal(split, q.split);
            if (a.is_distributed()) Assert.Equal(expectedR, r.split);
            var qa = q.ToArray<Complex>();
            var ra = r.ToArray<Complex>();
            // 20·n·ε; complex arithmetic rounds about twice per real operation, so its ε counts double (measured:
            // 7 x 7 complex128 CGS2 gives 3e-14 to 6e-14).
            double bound = 20 * Math.Max(m, n) * Eps(dtype) * (dtype.Kind == DTypeKind.Complex ? 4 : 1);
            Assert.True(Distance(Product(qa, ra, m, k, n), values) / Fro(values) < bound, $"‖A − QR‖/‖A‖ "
                + $"too large "
                + $"({m} x {n}, merge {merge})");
            double orthogonality = Orthogonality(qa, m, k);
            Assert.True(orthogonality < bound, $"‖QᴴQ − I‖ = {orthogonality} too large ({m} x {n}, merge "
                + $"{merge}, "
                + $"bound {bound})");
            for (int i = 0; i < k; i++)
                for (int j = 0; j < Math.Min(i, n); j++) Assert.Equal(Complex.Zero, ra[i * n + j]);
        }
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Qr_ModeR_EqualsReducedR(int ranks, int? split)
    {
        var values = Values(11 * 3, 5, false);
        World.Run(ranks, () =>
        {
            using var a = Array(values, [11, 3], ht.float64, split);
            var (q, r) = ht.linalg.qr(a);
            var (none, rOnly) = ht.linalg.qr(a, mode: "r");
            Assert.Null(none);
            Reference.AssertClose(r.ToArray<double>(), rOnly.ToArray<double>(), 1e-13);
            q!.Dispose(); r.Dispose(); rOnly.Dispose();
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Qr_Complete_GivesSquareQ(int ranks, int? split)
    {
        var values = Values(9 * 4, 8, false);
        World.Run(ranks, () =>
        {
            using var a = Array(values, [9, 4], ht.float64, split);
            var (q, r) = ht.linalg.qr(a, mode: "complete");
            using (q)
            using (r)
            {
                Assert.Equal([9L, 9L], q!.shape);
                Assert.Equal([9L, 4L], r.shape);
                var qa = q.ToArray<Complex>();
                Assert.True(Orthogonality(qa, 9, 9) < 1e-13);
                Assert.True(Distance(Product(qa, r.ToArray<Complex>(), 9, 9, 4), values) < 1e-13);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Qr_Batches(int ranks)
    {
        var values = Values(3 * 6 * 4, 9, false);
        World.Run(ranks, () =>
        {
            foreach (int? split in new int?[] { null, 0, 1, 2 })
            {
                using var a = Array(values, [3, 6, 4], ht.float64, split);
                var (q, r) = ht.linalg.qr(a);
                using (q)
                using (r)
                {
                    Assert.Equal([3L, 6L, 4L], q!.shape);
                    var qa = q.ToArray<Complex>();
                    var ra = r.ToArray<Complex>();
                    for (int b = 0; b < 3; b++)
                    {
                        var qb = qa[(b * 24)..((b + 1) * 24)];
                        var rb = ra[(b * 16)..((b + 1) * 16)];
                        Assert.True(Distance(Product(qb, rb, 6, 4, 4), values[(b * 24)..((b + 1) * 24)]) < 1e-13);
                        Assert.True(Orthogonality(qb, 6, 4) < 1e-13);
                    }
                }
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Qr_BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.qr(ht.ones([4, 3], split: 0), mode: "raw"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.qr(ht.ones([4, 3], split: 0),
            procs_to_merge: 1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.qr(ht.ones([4], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.qr(ht.arange(12, split: 0).reshape(4, 3)));
    }
}
