// SPDX-License-Identifier: MIT
using System.Numerics;
using static Heat.Testing.Core.DenseReference;

namespace Heat.Testing.Core;

/// <summary>
/// solve_triangular with A split 0 or 1 (block substitution over column panels, no gathering of A) on 1..5 ranks,
/// every split of A and b, balanced, unbalanced and empty chunks, upper and lower, unit diagonal, float32/float64/
/// complex128: X against LAPACK trtrs on the gathered operands and the residual ‖AX − B‖; a zero diagonal element
/// raises on every rank.
/// </summary>
public abstract class DistributedTriangularSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, bool> Layouts
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
            {
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s, false);
                data.Add(r, 0, true);
                data.Add(r, 1, true);
            }
            return data;
        }
    }

    // A well-conditioned triangular n × n matrix (diagonal 4 + noise).
    private static Complex[] Triangular(int n, bool lower, int seed, bool complex)
    {
        var x = Values(n * n, seed, complex);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (lower ? j > i : j < i) x[i * n + j] = 0;
                else if (i == j) x[i * n + j] += 4;
        return x;
    }

    [Theory, MemberData(nameof(Layouts))]
    public void SolveTriangular_MatchesGatheredLapack(int ranks, int? split, bool unbalanced)
    {
        World.Run(ranks, () =>
        {
            foreach (var (n, k) in new[] { (13, 4), (3, 2) })
                foreach (var dtype in new[] { ht.float64, ht.complex128, ht.float32 })
                    foreach (bool lower in new[] { false, true })
                    {
                        bool complex = dtype.Kind == DTypeKind.Complex;
                        if (complex && unbalanced) continue;
                        var av = Triangular(n, lower, n + (lower ? 1 : 2), complex);
                        var bv = Values(n * k, 3 * n + k, complex);
                        using var wholeA = Array(av, [n, n], dtype, null);
                        using var wholeB = Array(bv, [n, k], dtype, null);
                        bool unit = n == 3;
                        using var expected = ht.linalg.solve_triangular(wholeA, wholeB, lower, unit);
                        var reference = expected.ToArray<Complex>();
                        using var a = Array(av, [n, n], dtype, split, unbalanced);
                        foreach (var bSplit in new int?[] { null, 0, 1 })
                        {
                            using var b = Array(bv, [n, k], dtype, bSplit);
                            using var x = ht.linalg.solve_triangular(a, b, lower: lower, unit_diagonal: unit);
                            Assert.Equal(bSplit, x.split);
                            Assert.Equal(dtype, x.dtype);
                            Assert.Equal([(long)n, k], x.shape);
                            var xa = x.ToArray<Complex>();
                            double tolerance = 50 * n * Eps(dtype);
                            Assert.True(Distance(xa, reference) <= tolerance * Fro(reference),
                                $"X ({n}x{k}, {dtype}, lower {lower}, b split {bSplit})");
                            if (unit) continue;
                            Assert.True(Distance(Product(av, xa, n, n, k), bv) <= tolerance * Fro(av) * Fro(xa),
                                $"‖AX − B‖ ({n}x{k}, {dtype}, lower {lower})");
                        }
                    }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void SolveTriangular_ZeroDiagonal_RaisesOnEveryRank(int ranks, int? split)
    {
        var av = Triangular(6, false, 4, false);
        av[4 * 6 + 4] = 0;
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = Array(av, [6, 6], ht.float64, split);
            using var b = ht.ones([6, 2], dtype: ht.float64, split: 0);
            ht.linalg.solve_triangular(a, b).Dispose();
        });
    }
}
