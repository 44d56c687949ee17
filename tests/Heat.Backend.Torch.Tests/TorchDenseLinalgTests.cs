// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Torch.Tests;

/// <summary>The Torch backend's own dense linear algebra (ATen's linalg), against the managed backend's
/// (LAPACK).</summary>
public sealed class TorchDenseLinalgTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    private ITensorBackend B => f.Backend;

    [Fact]
    public void Capability_IsTheTorchBackendItself() => Assert.Same(B, B.Capability<IDenseLinalgKernels>());

    [Theory]
    [InlineData("float64")]
    [InlineData("float32")]
    public void SolvesInverseAndLogDeterminant_AgreeWithManaged(string dtype)
    {
        var dt = DType.Parse(dtype);
        using var managed = new ManagedBackend(threads: 1);
        // Two diagonally dominant 4 x 4 matrices (a batch) and their right-hand sides.
        var a = Values(dt, 2 * 16, 11, -1, 1).Select((v, i) => i % 16 % 5 == 0 ? v + 6 : v)
            .ToArray();
        var b = Values(dt, 2 * 4 * 3, 12);
        double tol = dt == DType.Float32 ? 1e-4 : 1e-10;
        foreach (var (name, shape, run) in Cases())
        {
            double[] Of(ITensorBackend be)
            {
                using var at = Make(be, dt, [2, 4, 4], a);
                using var bt = Make(be, dt, [2, 4, 3], b);
                using var x = be.Empty(shape, dt);
                using var y = be.Empty([2], dt);
                run(be.Capability<IDenseLinalgKernels>(), at, bt, x, y);
                return [.. Read(x), .. name == "slogdet" ? Read(y) : []];
            }
            AssertClose(Of(managed), Of(B), dt, name, tol);
        }
    }

    [Fact]
    public void Factorizations_AgreeWithManaged()
    {
        using var managed = new ManagedBackend(threads: 1);
        var a = Values(DType.Float64, 6 * 4, 13);
        (double[] R, double[] S, double[] W) Of(ITensorBackend be)
        {
            var k = be.Capability<IDenseLinalgKernels>();
            using var at = Make(be, DType.Float64, [6, 4], a);
            using var q = be.Empty([6, 6], DType.Float64);
            using var r = be.Empty([6, 4], DType.Float64);
            k.Qr(at, q, r);
            using var s = be.Empty([4], DType.Float64);
            k.Svd(at, null, s, null);
            using var sym = be.Empty([4, 4], DType.Float64);
            using var t = at.Permute([1, 0]);
            be.Matmul(t, at, sym);
            using var w = be.Empty([4], DType.Float64);
            using var v = be.Empty([4, 4], DType.Float64);
            k.Eigh(sym, w, v);
            return (Read(r).Select(Math.Abs).ToArray(), Read(s), Read(w)); // R up to the signs of its rows
        }
        var (mr, ms, mw) = Of(managed);
        var (tr, ts, tw) = Of(B);
        AssertClose(mr, tr, DType.Float64, "qr", 1e-10);
        AssertClose(ms, ts, DType.Float64, "svd", 1e-10);
        AssertClose(mw, tw, DType.Float64, "eigh", 1e-10);
    }

    [Fact]
    public void SingularMatrices_RaiseArgumentException()
    {
        using var a = Make(B, DType.Float64, [2, 2], [1, 2, 2, 4]);
        using var b = Make(B, DType.Float64, [2, 1], [1, 1]);
        using var x = B.Empty([2, 1], DType.Float64);
        using var inv = B.Empty([2, 2], DType.Float64);
        var k = B.Capability<IDenseLinalgKernels>();
        Assert.Throws<ArgumentException>(() => k.Solve(a, b, x));
        Assert.Throws<ArgumentException>(() => k.Inv(a, inv));
        using var t = Make(B, DType.Float64, [2, 2], [1, 2, 0, 0]);
        Assert.Throws<ArgumentException>(() => k.SolveTriangular(t, b, upper: true, unitDiagonal: false, x));
    }

    private delegate void Case(IDenseLinalgKernels k, LocalTensor a, LocalTensor b, LocalTensor x, LocalTensor y);

    private static IEnumerable<(string, long[], Case)> Cases() =>
    [
        ("solve", [2, 4, 3], (k, a, b, x, _) => k.Solve(a, b, x)),
        ("inv", [2, 4, 4], (k, a, _, x, _) => k.Inv(a, x)),
        ("solve_triangular", [2, 4, 3], (k, a, b, x, _) => k.SolveTriangular(a, b, true, false, x)),
        ("slogdet", [2], (k, a, _, x, y) => k.Slogdet(a, y, x)),
    ];
}
