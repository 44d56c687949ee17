// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>
/// cg, lanczos, cross, vecdot, matrix_transpose, projection, N-d trace and diagonal on the world's rank counts: every
/// split incl. None, unbalanced and empty chunks, against host loops and known solutions (tolerances stated per test);
/// bad arguments raised on every rank.
/// </summary>
public abstract class LinalgBasicsSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    /// <summary>The n × n 1-d Poisson matrix tridiag(−1, 2, −1), row-major.</summary>
    public static double[] Poisson1d(int n)
    {
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = -1;
            if (i < n - 1) a[i * n + i + 1] = -1;
        }
        return a;
    }

    /// <summary>The (k·k) × (k·k) 2-d Poisson matrix (5-point stencil on a k × k grid), row-major.</summary>
    public static double[] Poisson2d(int k)
    {
        int n = k * k;
        var a = new double[n * n];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++)
            {
                int r = i * k + j;
                a[r * n + r] = 4;
                if (i > 0) a[r * n + r - k] = -1;
                if (i < k - 1) a[r * n + r + k] = -1;
                if (j > 0) a[r * n + r - 1] = -1;
                if (j < k - 1) a[r * n + r + 1] = -1;
            }
        return a;
    }

    private static double[] MatVec(double[] a, double[] x)
    {
        int n = x.Length;
        var y = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) y[i] += a[i * n + j] * x[j];
        return y;
    }

    public static TheoryData<int, int?, int?> MatrixVectorSplits
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var sa in new int?[] { null, 0, 1 })
                    foreach (var sb in new int?[] { null, 0 }) data.Add(r, sa, sb);
            return data;
        }
    }

    [Theory, MemberData(nameof(MatrixVectorSplits))]
    public void Cg_SolvesPoissonSystems_ToTheirKnownSolution(int ranks, int? aSplit, int? bSplit)
    {
        World.Run(ranks, () =>
        {
            foreach (var (matrix, n) in new[] { (Poisson1d(13), 13), (Poisson2d(4), 16) })
            {
                var solution = Enumerable.Range(0, n).Select(i => Math.Sin(0.7 * i) + 0.1 * i).ToArray();
                var rhs = MatVec(matrix, solution);
                using var A = ht.array(matrix, [n, n], split: aSplit);
                using var b = ht.array(rhs, [n], split: bSplit);
                using var x0 = ht.zeros([n], dtype: ht.float64, split: bSplit);
                using var x = ht.linalg.cg(A, b, x0, tol: 1e-12, max_iter: 10 * n);
                Reference.AssertClose(solution, x.ToArray<double>(), 1e-9);   // tolerance: 1e-9 relative
                using var into = ht.zeros([n], dtype: ht.float64, split: 0);
                var same = ht.cg(A, b, x0, into);
                Assert.Same(into, same);
                Reference.AssertClose(solution, into.ToArray<double>(), 1e-9);
            }
        });
    }

    /// <summary>The eigenvalues of a symmetric tridiagonal matrix (row-major m × m) by Sturm-sequence
    /// bisection.</summary>
    public static double[] TridiagonalEigenvalues(double[] t, int m)
    {
        double lo = double.MaxValue, hi = double.MinValue;
        for (int i = 0; i < m; i++)
        {
            double r = (i > 0 ? Math.Abs(t[i * m + i - 1]) : 0) + (i < m - 1 ? Math.Abs(t[i * m + i + 1]) : 0);
            lo = Math.Min(lo, t[i * m + i] - r); hi = Math.Max(hi, t[i * m + i] + r);
        }
        int Below(double x)
        {
            int count = 0;
            double d = 1;
            for (int i = 0; i < m; i++)
            {
                double b2 = i > 0 ? t[i * m + i - 1] * t[i * m + i - 1] : 0;
                d = t[i * m + i] - x - (i > 0 ? b2 / (d == 0 ? 1e-300 : d) : 0);
                if (d < 0) count++;
            }
            return count;
        }
        var values = new double[m];
        for (int k = 0; k < m; k++)
        {
            double a = lo, b = hi;
            for (int it = 0; it < 200 && b - a > 1e-15 * Math.Max(1, Math.Abs(b)); it++)
            {
                double mid = 0.5 * (a + b);
                if (Below(mid) > k) b = mid; else a = mid;
            }
            values[k] = 0.5 * (a + b);
        }
        return values;
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Lanczos_FindsThePoissonEigenvalueExtremes(int ranks, int? split)
    {
        const int n = 24;
        World.Run(ranks, () =>
        {
            using var A = ht.array(Poisson1d(n), [n, n], split: split);
            var start = Enumerable.Range(0, n).Select(i => 1.0 + (i * 5 % 7) + 0.01 * i).ToArray();
            double norm = Math.Sqrt(start.Sum(x => x * x));
            using var v0 = ht.array(start.Select(x => x / norm).ToArray(), [n], split: split is null ? null : 0);
            var (V, T) = ht.linalg.lanczos(A, n, v0);
            using (V)
            using (T)
            {
                Assert.Equal(new long[] { n, n }, V.shape);
                Assert.Null(V.split);
                var eig = TridiagonalEigenvalues(T.ToArray<double>(), n);
                // Known: 2 − 2 cos(kπ/(n+1)), k = 1..n; tolerance 1e-9 absolute (full re-orthogonalisation).
                Assert.Equal(2 - 2 * Math.Cos(Math.PI / (n + 1)), eig[0], 1e-9);
                Assert.Equal(2 - 2 * Math.Cos(n * Math.PI / (n + 1)), eig[^1], 1e-9);
            }
            const int m = 10;
            var (Vm, Tm) = ht.lanczos(A, m, v0);
            using (Vm)
            using (Tm)
            {
                var vm = Vm.ToArray<double>();
                var tm = Tm.ToArray<double>();
                // Orthonormal columns (1e-10) and A V = V T but for the last column (1e-9).
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++)
                    {
                        double dot = 0;
                        for (int r = 0; r < n; r++) dot += vm[r * m + i] * vm[r * m + j];
                        Assert.Equal(i == j ? 1 : 0, dot, 1e-10);
                    }
                var a = Poisson1d(n);
                for (int r = 0; r < n; r++)
                    for (int j = 0; j < m - 1; j++)
                    {
                        double av = 0, vt = 0;
                        for (int k = 0; k < n; k++) av += a[r * n + k] * vm[k * m + j];
                        for (int k = 0; k < m; k++) vt += vm[r * m + k] * tm[k * m + j];
                        Assert.Equal(vt, av, 1e-9);
                    }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Lanczos_OfAHermitianMatrix_GivesARealT(int ranks, int? split)
    {
        // tridiag(−1 − 0.5i, 2, −1 + 0.5i) is unitarily similar to tridiag(−√1.25, 2, −√1.25):
        // eigenvalues
        // 2 − 2·√1.25·cos(kπ/(n+1)).
        const int n = 16;
        var a = new System.Numerics.Complex[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i < n - 1) { a[i * n + i + 1] = new(-1, 0.5); a[(i + 1) * n + i] = new(-1, -0.5); }
        }
        World.Run(ranks, () =>
        {
            using var A = ht.array(a, [n, n], split: split);
            var start = Enumerable.Range(0, n).Select(i => new System.Numerics.Complex(1 + i % 3,
                0.5 * (i % 5))).ToArray();
            double norm = Math.Sqrt(start.Sum(z => z.Magnitude * z.Magnitude));
            using var v0 = ht.array(start.Select(z => z / norm).ToArray(), [n], split: split is null ? null : 0);
            var (V, T) = ht.lanczos(A, n, v0);
            using (V)
            using (T)
            {
                Assert.Equal(ht.float64, T.dtype);
                Assert.Equal(ht.complex128, V.dtype);
                var eig = TridiagonalEigenvalues(T.ToArray<double>(), n);
                double r = Math.Sqrt(1.25);
                Assert.Equal(2 - 2 * r * Math.Cos(Math.PI / (n + 1)), eig[0], 1e-9);     // tolerance 1e-9 absolute
                Assert.Equal(2 - 2 * r * Math.Cos(n * Math.PI / (n + 1)), eig[^1], 1e-9);
            }
        });
    }

    private static double[] Data(int n, int salt) => Enumerable.Range(0,
        n).Select(i => (double)((i * 5 + salt * 7) % 13 - 6)).ToArray();

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Cross_EqualsTheComponentFormula_For3And2Vectors(int ranks, int? split)
    {
        const int rows = 5;
        World.Run(ranks, () =>
        {
            foreach (var (la, lb) in new[] { (3, 3), (2, 3), (3, 2), (2, 2) })
            {
                var ad = Data(rows * la, 1);
                var bd = Data(rows * lb, 2);
                using var a = ht.array(ad, [rows, la], split: split);
                using var b = ht.array(bd, [rows, lb], split: split == 1 ? 0 : split);
                using var c = ht.cross(a, b);
                var expected = new List<double>();
                for (int r = 0; r < rows; r++)
                {
                    double a0 = ad[r * la], a1 = ad[r * la + 1], a2 = la == 3 ? ad[r * la + 2] : 0;
                    double b0 = bd[r * lb], b1 = bd[r * lb + 1], b2 = lb == 3 ? bd[r * lb + 2] : 0;
                    if (la == 2 && lb == 2) expected.Add(a0 * b1 - a1 * b0);
                    else expected.AddRange([a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0]);
                }
                Assert.Equal(la == 2 && lb == 2 ? new long[] { rows } : [rows, 3], c.shape);
                Assert.Equal(expected, c.ToArray<double>());
                if (la == 3 && lb == 3)
                {
                    // Vectors along axis 0, result vectors along axis 0 too (axis overrides axisa/b/c).
                    using var at = ht.transpose(a);
                    using var bt = ht.transpose(b);
                    using var ct = ht.linalg.cross(at, bt, axis: 0);
                    using var back = ht.transpose(ct);
                    Assert.Equal(expected, back.ToArray<double>());
                    using var mixed = ht.cross(at, b, axisa: 0, axisc: 0);
                    Assert.Equal(new long[] { 3, rows }, mixed.shape);
                    using var mixedBack = ht.transpose(mixed);
                    Assert.Equal(expected, mixedBack.ToArray<double>());
                }
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits2D))]
    public void Vecdot_MatrixTranspose_Projection(int ranks, int? split)
    {
        const int r = 5, c = 7;
        var ad = Data(r * c, 3);
        var bd = Data(r * c, 4);
        World.Run(ranks, () =>
        {
            using var a = ht.array(ad, [r, c], split: split);
            using var b = ht.array(bd, [r, c], split: 0);
            using var rowsDot = ht.vecdot(a, b);
            using var colsDot = ht.linalg.vecdot(a, b, axis: 0, keepdims: true);
            var er = Enumerable.Range(0, r).Select(i => Enumerable.Range(0,
                c).Sum(j => ad[i * c + j] * bd[i * c + j])).ToArray();
            var ec = Enumerable.Range(0, c).Select(j => Enumerable.Range(0,
                r).Sum(i => ad[i * c + j] * bd[i * c + j])).ToArray();
            Assert.Equal(er, rowsDot.ToArray<double>());
            Assert.Equal(new long[] { 1, c }, colsDot.shape);
            Assert.Equal(ec, colsDot.ToArray<double>());

            using var three = ht.array(Data(2 * r * c, 5), [2, r, c], split: split);
            using var t = ht.matrix_transpose(three);
            Assert.Equal(new long[] { 2, c, r }, t.shape);
            var src = Data(2 * r * c, 5);
            var expected = new double[src.Length];
            for (int k = 0; k < 2; k++)
                for (int i = 0; i < r; i++)
                    for (int j = 0; j < c; j++) expected[(k * c + j) * r + i] = src[(k * r + i) * c + j];
            Assert.Equal(expected, t.ToArray<double>());
            using var mt = three.mT;
            Assert.Equal(expected, mt.ToArray<double>());

            using var x = ht.array(ad.Take(c).ToArray(), [c], split: split is null ? null : 0);
            using var y = ht.array(bd.Take(c).ToArray(), [c]);
            using var p = ht.projection(x, y);
            double xy = ad.Take(c).Zip(bd.Take(c)).Sum(q => q.First * q.Second), yy = bd.Take(c).Sum(q => q * q);
            Reference.AssertClose(bd.Take(c).Select(q => xy / yy * q).ToArray(), p.ToArray<double>(), 1e-14);
        });
    }

    public static TheoryData<int, int?, bool> Layouts3d
    {
        get
        {
            var data = new TheoryData<int, int?, bool>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1, 2 })
                {
                    data.Add(r, s, false);
                    if (s is not null) data.Add(r, s, true);
                }
            return data;
        }
    }

    [Theory, MemberData(nameof(Layouts3d))]
    public void DiagonalAndTrace_OfNdArrays_MatchTheHostLoops(int ranks, int? split, bool unbalanced)
    {
        long[] shape = [3, 5, 6];
        var data = Data(90, 6);
        World.Run(ranks, () =>
        {
            using var a = unbalanced ? Reference.Unbalanced(data, shape, split!.Value) : ht.array(data, shape,
                split: split);
            foreach (var (d1, d2) in new[] { (0, 1), (1, 2), (2, 0), (-1, -2) })
                foreach (long offset in new long[] { -3, -1, 0, 2, 5, 7 })
                {
                    int n1 = d1 < 0 ? d1 + 3 : d1, n2 = d2 < 0 ? d2 + 3 : d2, other = 3 - n1 - n2;
                    long rows = shape[n1], cols = shape[n2];
                    long total = Math.Max(0, offset >= 0 ? Math.Min(rows, cols - offset) : Math.Min(rows + offset,
                        cols));
                    var expected = new List<double>();
                    var traces = new double[shape[other]];
                    for (long o = 0; o < shape[other]; o++)
                        for (long t = 0; t < total; t++)
                        {
                            var idx = new long[3];
                            idx[other] = o; idx[n1] = t + Math.Max(0, -offset); idx[n2] = t + Math.Max(0, offset);
                            double value = data[(idx[0] * 5 + idx[1]) * 6 + idx[2]];
                            expected.Add(value);
                            traces[o] += value;
                        }
                    using var d = ht.diagonal(a, offset, d1, d2);
                    Assert.Equal(new[] { shape[other], total }, d.shape);
                    Assert.Equal(expected, d.ToArray<double>());
                    using var tr = ht.trace(a, d1, d2, offset);
                    Assert.Equal(new[] { shape[other] }, tr.shape);
                    Assert.Equal(ht.float64, tr.dtype);
                    Assert.Equal(traces, tr.ToArray<double>());
                    using var ti = ht.linalg.trace(a, d1, d2, offset, ht.int64);
                    Assert.Equal(ht.int64, ti.dtype);
                    Assert.Equal(traces, ti.ToArray<double>());
                }
        });
    }

    [Theory, MemberData(nameof(Layouts1dOf2d))]
    public void Trace_Of2dArrays_IsAScalar_OnUnbalancedArrays(int ranks, int? split, bool unbalanced)
    {
        var data = Data(35, 8);
        World.Run(ranks, () =>
        {
            using var a = unbalanced ? Reference.Unbalanced(data, [5, 7], split!.Value) : ht.array(data, [5, 7],
                split: split);
            foreach (long offset in new long[] { -6, -2, 0, 3, 6, 7 })
            {
                double expected = 0;
                for (int i = 0; i < 5; i++) if (i + offset >= 0 && i + offset < 7) expected += data[i * 7 + i + offset];
                Assert.Equal(expected, ht.trace(a, offset));
                Assert.Equal(expected, ht.linalg.trace(a, offset));
            }
        });
    }

    public static TheoryData<int, int?, bool> Layouts1dOf2d
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

    [Theory, MemberData(nameof(Ranks))]
    public void BadArguments_RaiseOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var A = ht.ones([4, 5], dtype: ht.float64, split: 0);
            using var b = ht.ones([4], dtype: ht.float64, split: 0);
            using var x = ht.cg(A, b, b);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var A = ht.ones([4, 4], dtype: ht.float64, split: 0);
            using var b = ht.ones([3], dtype: ht.float64, split: 0);
            using var x = ht.cg(A, b, b);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var A = ht.ones([4, 4], dtype: ht.int64, split: 0);
            var (V, T) = ht.lanczos(A, 2);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var A = ht.ones([4, 4], dtype: ht.float64, split: 0);
            var (V, T) = ht.lanczos(A, 5);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([5, 4], split: 0);
            using var c = ht.cross(a, a);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([5], split: 0);
            using var c = ht.matrix_transpose(a);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([5, 2], split: 0);
            using var b = ht.ones([5], split: 0);
            using var c = ht.projection(a, b);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([3, 4, 5], split: 0);
            using var d = ht.diagonal(a, 0, 1, -2);
        });
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
        {
            using var a = ht.ones([3, 4, 5], split: 1);
            _ = ht.trace(a);
        });
    }
}
