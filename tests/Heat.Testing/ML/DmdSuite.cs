// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Decomposition;
using Heat.Testing.Core;

namespace Heat.Testing.ML;

/// <summary>
/// DMD, DMDc and <c>ht.linalg.eig</c> on the world's rank counts and every split (None, 0, 1) against exact DMD / DMDc
/// written out in NumPy (tests/data/ml/dmd.json, made by make_dmd.py): the basis up to column signs, the reduced
/// matrices up to the same signs (D Ã D, D B̃), eigenvalues as a set, modes up to a complex factor, predictions
/// exactly;
/// all within 1e-7 relative.
/// </summary>
public abstract class DmdSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    private static readonly MlReference Reference = new("ml/dmd.json");
    private const double Tolerance = 1e-7;

    public static TheoryData<int, int?> Cases
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s);
            return data;
        }
    }

    private static DNDarray Matrix(string path, int? split)
    {
        var e = Reference[path];
        return ht.array(Reference.Flat(path), [e.GetArrayLength(), e[0].GetArrayLength()], dtype: ht.float64,
            split: split);
    }

    // A nested array of any depth, flattened row-major.
    private static double[] Deep(string path)
    {
        static IEnumerable<double> Walk(System.Text.Json.JsonElement e) =>
            e.ValueKind == System.Text.Json.JsonValueKind.Array ? e.EnumerateArray().SelectMany(Walk) : [e.GetDouble()];
        return Walk(Reference[path]).ToArray();
    }

    private static Complex[] Complexes(string path)
    {
        var re = Reference.Flat(path + ".re");
        var im = Reference.Flat(path + ".im");
        return re.Select((v, i) => new Complex(v, im[i])).ToArray();
    }

    // The sign of every basis column relative to the reference (the SVD fixes a column only up to its sign).
    private static double[] Signs(double[] expected, double[] actual, int columns)
    {
        var signs = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            double dot = 0;
            for (int i = c; i < expected.Length; i += columns) dot += expected[i] * actual[i];
            signs[c] = Math.Sign(dot);
        }
        return signs;
    }

    private static int Nearest(Complex[] values, Complex target)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (Complex.Abs(values[i] - target) < Complex.Abs(values[best] - target)) best = i;
        return best;
    }

    private static void AssertEigen(string path, DNDarray values, DNDarray modes)
    {
        var expected = Complexes(path + ".eigenvalues");
        var actual = values.ToArray<Complex>();
        Assert.Equal(expected.Length, actual.Length);
        var expectedModes = Complexes(path + ".dmdmodes_");
        var actualModes = modes.ToArray<Complex>();
        int r = expected.Length, f = actualModes.Length / r;
        for (int e = 0; e < r; e++)
        {
            int a = Nearest(actual, expected[e]);
            Assert.True(Complex.Abs(actual[a] - expected[e]) < Tolerance, $"eigenvalue {expected[e]}: got {actual[a]}");
            Complex dot = 0;
            double ne = 0, na = 0;
            for (int i = 0; i < f; i++)
            {
                dot += Complex.Conjugate(expectedModes[i * r + e]) * actualModes[i * r + a];
                ne += Math.Pow(Complex.Abs(expectedModes[i * r + e]), 2);
                na += Math.Pow(Complex.Abs(actualModes[i * r + a]), 2);
            }
            Assert.True(1 - Complex.Abs(dot) / Math.Sqrt(ne * na) < Tolerance, $"mode of {expected[e]} not collinear");
        }
    }

    private static double[] AssertBasis(string path, DNDarray basis, int r)
    {
        var expected = Reference.Flat(path + ".rom_basis_");
        var actual = basis.ToArray<double>();
        MlReference.NearUpToColumnSign(expected, actual, r, Tolerance);
        return Signs(expected, actual, r);
    }

    // actual[i, j] = left[i] · right[j] · expected[i, j] (right null: 1).
    private static void AssertSigned(double[] expected, DNDarray actual, double[] left, double[]? right)
    {
        var values = actual.ToArray<double>();
        int columns = values.Length / left.Length;
        var signed = expected.Select((v, k) => v * left[k / columns] * (right?[k % columns] ?? 1)).ToArray();
        MlReference.Near(signed, values, Tolerance);
    }

    [Theory, MemberData(nameof(Cases))]
    public void Dmd_Rank_EqualsNumPy(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            const string p = "lowrank.rank6";
            var dmd = new DMD(svd_rank: 6).fit(Matrix("lowrank.x", split));
            Assert.Equal(6, dmd.n_modes_);
            var signs = AssertBasis(p, dmd.rom_basis_!, 6);
            AssertSigned(Reference.Flat(p + ".rom_transfer_matrix_"), dmd.rom_transfer_matrix_!, signs, signs);
            AssertEigen(p, dmd.rom_eigenvalues_!, dmd.dmdmodes_!);
            var x0 = Matrix(p + ".x0", split);
            MlReference.Near(Deep(p + ".predict"), dmd.predict(x0, 6), Tolerance);
            Assert.Equal([3L, 18, 6], dmd.predict(x0, 6).shape);
            MlReference.Near(Reference.Flat(p + ".predict_next3"), dmd.predict_next(x0, 3), Tolerance);
            var single = dmd.predict(x0[.., 1], [0L, 2, 5]);
            Assert.Equal([18L, 3], single.shape);
            var all = Deep(p + ".predict");   // (3, 18, 6): state 1, steps 0, 2, 5
            var expected = Enumerable.Range(0, 18).SelectMany(i => new[] { 0, 2, 5 }.Select(t => all[(18 + i) * 6 + t]))
                .ToArray();
            MlReference.Near(expected, single, Tolerance);
            Assert.Equal([18L], dmd.predict_next(x0[.., 0]).shape);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Dmd_TolAndFull_EqualNumPy(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            var tol = new DMD(svd_tol: 1e-6).fit(Matrix("lowrank.x", split));
            Assert.Equal((int)Reference.Flat("lowrank.tol.n_modes_")[0], tol.n_modes_);
            AssertEigen("lowrank.tol", tol.rom_eigenvalues_!, tol.dmdmodes_!);
            var full = new DMD().fit(Matrix("full.x", split));
            Assert.Equal(7, full.n_modes_);
            var signs = AssertBasis("full.all", full.rom_basis_!, 7);
            AssertSigned(Reference.Flat("full.all.rom_transfer_matrix_"), full.rom_transfer_matrix_!, signs, signs);
            AssertEigen("full.all", full.rom_eigenvalues_!, full.dmdmodes_!);
            MlReference.Near(Deep("full.all.predict"), full.predict(Matrix("full.all.x0", split), 6),
                Tolerance);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Dmdc_EqualsNumPy(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            const string p = "control.rank5";
            var model = new DMDc(svd_rank: 5).fit(Matrix("control.x", split), Matrix("control.c", split));
            Assert.Equal(5, model.n_modes_);
            Assert.Equal(7, model.n_modes_system_);
            var signs = AssertBasis(p, model.rom_basis_!, 5);
            AssertSigned(Reference.Flat(p + ".rom_transfer_matrix_"), model.rom_transfer_matrix_!, signs, signs);
            AssertSigned(Reference.Flat(p + ".rom_control_matrix_"), model.rom_control_matrix_!, signs, null);
            AssertEigen(p, model.rom_eigenvalues_!, model.dmdmodes_!);
            var predicted = model.predict(Matrix(p + ".x0", split == 1 ? 0 : split), Matrix(p + ".c", null));
            Assert.Equal([2L, 9, 7], predicted.shape);
            MlReference.Near(Deep(p + ".predict"), predicted, Tolerance);
        });
    }

    [Theory, MemberData(nameof(Cases))]
    public void Eig_SolvesTheEigenproblem(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            using var scope = DisposeScope.Begin();
            foreach (var dtype in new[] { ht.float64, ht.float32, ht.complex128 })
            {
                var values = Enumerable.Range(0, 49).Select(i => new Complex(3 * Math.Sin(1.7 * i),
                    dtype.IsComplex ? Math.Cos(i) : 0)).ToArray();
                var a = dtype.IsComplex ? ht.array(values, [7, 7])
                    : ht.array(values.Select(c => c.Real).ToArray(), [7, 7]).astype(dtype);
                var host = a.astype(ht.complex128).ToArray<Complex>();
                var (w, v) = ht.linalg.eig(ht.array(a, split: split));
                Assert.Equal(dtype == ht.float32 ? ht.complex64 : ht.complex128, w.dtype);
                Assert.Null(w.split);
                var lambda = w.astype(ht.complex128).ToArray<Complex>();
                var vectors = v.astype(ht.complex128).ToArray<Complex>();
                double tolerance = dtype == ht.float32 ? 1e-4 : 1e-10;
                for (int j = 0; j < 7; j++)
                {
                    double norm = 0;
                    for (int i = 0; i < 7; i++)
                    {
                        Complex av = 0;
                        for (int k = 0; k < 7; k++) av += host[i * 7 + k] * vectors[k * 7 + j];
                        Assert.True(Complex.Abs(av - lambda[j] * vectors[i * 7 + j]) < tolerance * 20,
                            $"{dtype}: column {j}, row {i}");
                        norm += Math.Pow(Complex.Abs(vectors[i * 7 + j]), 2);
                    }
                    Assert.Equal(1.0, Math.Sqrt(norm), tolerance);
                }
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void BadInput_RaisesOnEveryRank(int ranks)
    {
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMD(svd_solver: "qr"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMD(svd_rank: 2, svd_tol: 0.1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMD(svd_solver: "hierarchical"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMDc(svd_solver: "randomized"));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMDc(svd_rank: 0));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMD(svd_tol: -1));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMD().fit(ht.zeros([5, 1], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMD().fit(ht.zeros([5], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMDc().fit(ht.ones([5, 6], split: 0),
            ht.ones([2, 5], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => new DMDc().fit(ht.ones([5, 6], split: 0),
            ht.ones([2, 6], split: 1)));
        AssertThrowsOnEveryRank<InvalidOperationException>(ranks, () => new DMD().predict(ht.ones([5]), 2));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () =>
            new DMD().fit(ht.random.rand([6, 8], split: 0)).predict_next(ht.ones([5])));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.eig(ht.ones([3, 4], split: 0)));
        AssertThrowsOnEveryRank<ArgumentException>(ranks, () => ht.linalg.eig(ht.ones([3, 3], dtype: ht.int32)));
    }
}
