// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Managed.Tests;

/// <summary>
/// The coordinate-descent kernels against sums in float64 on the host: several row blocks and threads, several bands
/// of the Gram matrix, row-major and column-strided (transposed) inputs, float32 within 1e-5 relative, float64 within
/// 1e-12.
/// </summary>
public sealed class CoordinateDescentKernelTests
{
    public static TheoryData<string, bool, int> Cases
    {
        get
        {
            var data = new TheoryData<string, bool, int>();
            foreach (var dtype in new[] { "float32", "float64" })
                foreach (var transposed in new[] { false, true })
                    foreach (var threads in new[] { 1, 2 }) data.Add(dtype, transposed, threads);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void Kernels_EqualFloat64HostSums(string dtypeName, bool transposed, int threads)
    {
        var dtype = DType.Parse(dtypeName);
        double tolerance = dtype == DType.Float32 ? 1e-5 : 1e-12;
        const int n = 9000, f = 70;
        var random = new Random(3);
        var x = new double[n * f];
        var y = new double[n];
        for (int i = 0; i < x.Length; i++) x[i] = Round(dtype, random.NextDouble() * 2 - 1);
        for (int i = 0; i < n; i++) y[i] = Round(dtype, random.NextDouble() * 2 - 1);
        using var backend = new ManagedBackend(threads);
        var kernels = backend.Capability<ICoordinateDescentKernels>();
        // Transposed: x is the transpose of an f × n tensor (column stride n, row stride 1).
        using var stored = transposed
            ? Make(backend, dtype, [f, n], Enumerable.Range(0, f * n).Select(k => x[(k % n) * f + k / n]).ToArray())
            : Make(backend, dtype, [n, f], x);
        using var xt = transposed ? stored.Permute([1, 0]) : stored.Share();
        using var yt = Make(backend, dtype, [n], y);

        using var gram = backend.Empty([f, f], DType.Float64);
        using var xty = backend.Empty([f], DType.Float64);
        kernels.Gram(xt, yt, gram, xty);
        var g = Read(gram);
        var v = Read(xty);
        for (int i = 0; i < f; i++)
        {
            Close(Enumerable.Range(0, n).Sum(k => x[k * f + i] * y[k]), v[i], tolerance * n);
            for (int j = 0; j < f; j++)
                Close(Enumerable.Range(0, n).Sum(k => x[k * f + i] * x[k * f + j]), g[i * f + j], tolerance * n);
        }

        using var columns = backend.Empty([f, n], dtype);
        using var squares = backend.Empty([f], DType.Float64);
        kernels.Columns(xt, columns, squares);
        var c = Read(columns);
        var s = Read(squares);
        for (int j = 0; j < f; j++)
        {
            Close(g[j * f + j], s[j], tolerance * n);
            for (int i = 0; i < n; i += 97) Assert.Equal(x[i * f + j], c[j * n + i]);
        }

        using var updated = backend.Empty([n], dtype);
        Close(Enumerable.Range(0, n).Sum(k => x[k * f + 5] * y[k]), kernels.Dot(columns, 5, yt), tolerance * n);
        double dot = kernels.Update(columns, yt, updated, 3, 0.25, 7);
        var r = Read(updated);
        var want = Enumerable.Range(0, n).Select(k => y[k] - 0.25 * x[k * f + 3]).ToArray();
        for (int k = 0; k < n; k++) Close(want[k], r[k], tolerance);
        Close(Enumerable.Range(0, n).Sum(k => x[k * f + 7] * want[k]), dot, tolerance * n);
    }

    private static double Round(DType dtype, double v) => dtype == DType.Float32 ? (float)v : v;

    private static void Close(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected)),
            $"{actual} vs {expected}");
}
