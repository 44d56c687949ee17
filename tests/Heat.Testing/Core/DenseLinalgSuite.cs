// SPDX-License-Identifier: MIT
using System.Numerics;
using static Heat.Testing.Core.DenseReference;

namespace Heat.Testing.Core;

/// <summary>
/// eigh, solve, solve_triangular, inv, det and slogdet on 1..5 ranks and every split: eigh residual ‖AV − VΛ‖
/// and
/// orthogonality with descending eigenvalues; solutions and inverses by their residuals and against the replicated
/// (LAPACK) result; determinants against NumPy values; bad input raised on every rank.
/// </summary>
public abstract class DenseLinalgSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static Complex[] Symmetric(int n, int seed, bool complex)
    {
        var x = Values(n * n, seed, complex);
        var h = new Complex[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) h[i * n + j] = (x[i * n + j] + Complex.Conjugate(x[j * n + i])) / 2;
        return h;
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Eigh_ResidualAndOrthogonality_Descending(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            foreach (var (n, complex, dtype) in new[] { (7, false, ht.float64), (11, true, ht.complex128), (6, false,
                ht.float32) })
            {
                var h = Symmetric(n, n, complex);
                using var a = Array(h, [n, n], dtype, split);
                var (w, v) = ht.linalg.eigh(a);
                using (w)
                using (v)
                {
                    Assert.Equal(0, w.split);
                    Assert.Equal(split, v.split);
                    Assert.Equal(dtype.RealType, w.dtype);
                    var lambda = w.ToArray<double>();
                    for (int i = 1; i < n; i++) Assert.True(lambda[i - 1] >= lambda[i]);
                    var va = v.ToArray<Complex>();
                    var av = Product(h, va, n, n, n);
                    var vl = va.Select((x, i) => x * lambda[i % n]).ToArray();
                    double bound = 50 * n * Eps(dtype);
                    Assert.True(Distance(av, vl) / Fro(h) < bound, $"‖AV − VΛ‖ ({n}, {dtype})");
                    Assert.True(Orthogonality(va, n, n) < bound);
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Solve_Inv_Det_MatchTheReplicatedResult(int ranks, int? split)
    {
        const int n = 7;
        var values = Values(n * n, 21, false);
        for (int i = 0; i < n; i++) values[i * n + i] += 3;
        var rhs = Values(n * 3, 22, false);
        World.Run(ranks, () =>
        {
            using var a = Array(values, [n, n], ht.float64, split);
            using var b = Array(rhs, [n, 3], ht.float64, split);
            using var x = ht.linalg.solve(a, b);
            Assert.Equal(split, x.split);
            Assert.True(Distance(Product(values, x.ToArray<Complex>(), n, n, 3), rhs) < 1e-12);
            using var bv = Array(rhs[..n], [n], ht.float64, split == 1 ? 0 : split);
            using var xv = ht.linalg.solve(a, bv);
            Assert.Equal([(long)n], xv.shape);
            Assert.True(Distance(Product(values, xv.ToArray<Complex>(), n, n, 1), rhs[..n]) < 1e-12);

            using var inverse = ht.linalg.inv(a);
            Assert.Equal(split, inverse.split);
            var product = Product(values, inverse.ToArray<Complex>(), n, n, n);
            for (int i = 0; i < n; i++) product[i * n + i] -= 1;
            Assert.True(Fro(product) < 1e-12);

            using var whole = Array(values, [n, n], ht.float64, null);
            using var det = ht.linalg.det(a);
            using var reference = ht.linalg.det(whole);
            Assert.Equal(0, det.ndim);
            Assert.Equal(reference.item<double>(), det.item<double>(), 1e-12);
            var (sign, log) = ht.linalg.slogdet(a);
            Assert.Equal(det.item<double>(), sign.item<double>() * Math.Exp(log.item<double>()),
                1e-10 * Math.Abs(det.item<double>()));
            sign.Dispose(); log.Dispose();
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Det_AgainstNumPy_IncludingSingularAndHuge(int ranks)
    {
        // numpy.linalg.det([[1, 2], [3, 4]]) = -2.0000000000000004; slogdet of 1e200·I(3): (1, 1381.551055796427).
        World.Run(ranks, () =>
        {
            using var a = ht.array(new double[] { 1, 2, 3, 4 }, [2, 2], split: 0);
            using var d = ht.linalg.det(a);
            Assert.Equal(-2.0000000000000004, d.item<double>(), 1e-15);
            using var singular = ht.array(new double[] { 1, 2, 2, 4 }, [2, 2], split: 1);
            using var zero = ht.linalg.det(singular);
            Assert.Equal(0.0, zero.item<double>());
            using var huge = ht.multiply(ht.eye([3, 3], dtype: ht.float64, split: 0), 1e200);
            var (sign, log) = ht.linalg.slogdet(huge);
            Assert.Equal(1.0, sign.item<double>());
            Assert.Equal(1381.551055796427, log.item<double>(), 1e-9);
            Assert.Throws<ArgumentException>(() => ht.linalg.inv(singular));
            sign.Dispose(); log.Dispose();
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void SolveTriangular_UpperAndLower(int ranks, int? split)
    {
        const int n = 6;
        var values = Values(n * n, 5, false);
        var upper = values.Select((v, i) => i / n > i % n ? Complex.Zero : i / n == i % n ? v + 2 : v).ToArray();
        var lower = ConjT(upper, n, n);
        var rhs = Values(n * 2, 6, false);
        World.Run(ranks, () =>
        {
            using var u = Array(upper, [n, n], ht.float64, split);
            using var l = Array(lower, [n, n], ht.float64, split);
            using var b = Array(rhs, [n, 2], ht.float64, split);
            using var xu = ht.linalg.solve_triangular(u, b);
            using var xl = ht.linalg.solve_triangular(l, b, lower: true);
            Assert.Equal(split, xu.split);
            Assert.True(Distance(Product(upper, xu.ToArray<Complex>(), n, n, 2), rhs) < 1e-12);
            Assert.True(Distance(Product(lower, xl.ToArray<Complex>(), n, n, 2), rhs) < 1e-12);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BatchedSolveAndInv_SplitAlongTheBatch(int ranks)
    {
        var values = Values(4 * 3 * 3, 13, false);
        for (int b = 0; b < 4; b++)
            for (int i = 0; i < 3; i++) values[b * 9 + i * 4] += 4;
        World.Run(ranks, () =>
        {
            using var a = Array(values, [4, 3, 3], ht.float64, 0);
            using var inverse = ht.linalg.inv(a);
            Assert.Equal(0, inverse.split);
            var ia = inverse.ToArray<Complex>();
            for (int b = 0; b < 4; b++)
            {
                var p = Product(values[(b * 9)..((b + 1) * 9)], ia[(b * 9)..((b + 1) * 9)], 3, 3, 3);
                for (int i = 0; i < 3; i++) p[i * 4] -= 1;
                Assert.True(Fro(p) < 1e-12);
            }
            using var d = ht.linalg.det(a);
            Assert.Equal([4L], d.shape);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.eigh(ht.ones([4, 3], dtype: ht.float64,
            split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.inv(ht.ones([4, 3], dtype: ht.float64,
            split: 1)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.det(ht.arange(9, split: 0).reshape(3, 3)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.solve(ht.eye([3, 3], dtype: ht.float64,
            split: 0), ht.ones([4, 2], dtype: ht.float64, split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.solve(ht.zeros([3, 3], dtype: ht.float64,
            split: 0), ht.ones([3, 2], dtype: ht.float64, split: 0)));
    }
}
