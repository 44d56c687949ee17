// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Heat.Backend.Managed;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Torch.Tests;

/// <summary>The Torch backend's own FFT capability (ATen), against the managed backend's (FFTW).</summary>
public sealed class TorchFftTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    private ITensorBackend B => f.Backend;

    [Fact]
    public void Capability_IsTheTorchBackendItself() => Assert.Same(B, B.Capability<IFftKernels>());

    [Theory]
    [InlineData("complex128", 0, false, 1.0)]
    [InlineData("complex128", 1, true, 0.2)]
    [InlineData("complex64", 1, false, 0.5)]
    [InlineData("complex64", 0, true, 1.0 / 7)]
    public void ComplexToComplex_OfAStridedView_AgreesWithManaged(string dtype, int axis, bool inverse, double scale)
    {
        var dt = DType.Parse(dtype);
        using var managed = new ManagedBackend(threads: 1);
        var values = Enumerable.Range(0, 7 * 10).Select(i => new Complex(Math.Sin(i), Math.Cos(3 * i))).ToArray();
        using var tb = MakeComplex(B, dt, [7, 10], values);
        using var mb = MakeComplex(managed, dt, [7, 10], values);
        using var tv = tb.Slice(1, 0, 5, 2); // every other column: a non-contiguous operand
        using var mv = mb.Slice(1, 0, 5, 2);
        using var td = B.Empty([7, 5], dt);
        using var md = managed.Empty([7, 5], dt);
        B.Capability<IFftKernels>().ComplexToComplex(tv, td, axis, inverse, scale);
        managed.Capability<IFftKernels>().ComplexToComplex(mv, md, axis, inverse, scale);
        AssertComplexClose(ReadComplex(md), ReadComplex(td), dt == DType.Complex64 ? 1e-5 : 1e-12);
    }

    [Theory]
    [InlineData("float64", 9)]
    [InlineData("float64", 8)]
    [InlineData("float32", 5)]
    public void RealRoundTrip_AgreesWithManaged(string dtype, int n)
    {
        var dt = DType.Parse(dtype);
        var ct = dt == DType.Float32 ? DType.Complex64 : DType.Complex128;
        using var managed = new ManagedBackend(threads: 1);
        var values = Values(dt, 3L * n, 5);
        using var tx = Make(B, dt, [3, n], values);
        using var mx = Make(managed, dt, [3, n], values);
        using var ts = B.Empty([3, n / 2 + 1], ct);
        using var ms = managed.Empty([3, n / 2 + 1], ct);
        B.Capability<IFftKernels>().RealToComplex(tx, ts, 1, 1);
        managed.Capability<IFftKernels>().RealToComplex(mx, ms, 1, 1);
        double tol = dt == DType.Float32 ? 1e-5 : 1e-12;
        AssertComplexClose(ReadComplex(ms), ReadComplex(ts), tol);
        using var tr = B.Empty([3, n], dt);
        B.Capability<IFftKernels>().ComplexToReal(ts, tr, 1, 1.0 / n);
        AssertClose(values, Read(tr), dt, "irfft(rfft(x))", tol);
    }

    [Theory]
    [InlineData(12L, 3L, 5L, false)]
    [InlineData(4_000_000_007L, 3_999_999_000L, 3_000_000_001L, true)] // exponents past 63 bits: the exact doubling
    public void TwiddleAndChirp_AgreeWithManaged(long n, long rowOffset, long columnOffset, bool inverse)
    {
        using var managed = new ManagedBackend(threads: 1);
        var values = Enumerable.Range(0, 4 * 6).Select(i => new Complex(1 + i, -i)).ToArray();
        using var tx = MakeComplex(B, DType.Complex128, [4, 6], values);
        using var mx = MakeComplex(managed, DType.Complex128, [4, 6], values);
        using var td = B.Empty([4, 6], DType.Complex128);
        using var md = managed.Empty([4, 6], DType.Complex128);
        B.Capability<IFftKernels>().Twiddle(tx, td, n, rowOffset, columnOffset, inverse);
        managed.Capability<IFftKernels>().Twiddle(mx, md, n, rowOffset, columnOffset, inverse);
        AssertComplexClose(ReadComplex(md), ReadComplex(td), 1e-9);
        using var tc = MakeComplex(B, DType.Complex128, [24], values);
        using var mc = MakeComplex(managed, DType.Complex128, [24], values);
        using var tcd = B.Empty([24], DType.Complex128);
        using var mcd = managed.Empty([24], DType.Complex128);
        B.Capability<IFftKernels>().Chirp(tc, tcd, n, -rowOffset, inverse);
        managed.Capability<IFftKernels>().Chirp(mc, mcd, n, -rowOffset, inverse);
        AssertComplexClose(ReadComplex(mcd), ReadComplex(tcd), 1e-9);
    }

    private static void AssertComplexClose(Complex[] expected, Complex[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        double norm = Math.Max(1, expected.Max(c => c.Magnitude));
        for (int i = 0; i < expected.Length; i++)
            Assert.True((expected[i] - actual[i]).Magnitude <= tolerance * norm,
                $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
