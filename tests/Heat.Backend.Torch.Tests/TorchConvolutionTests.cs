// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Torch.Tests;

/// <summary>The Torch backend's own correlation kernels (ATen), against the managed backend's.</summary>
public sealed class TorchConvolutionTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    private ITensorBackend B => f.Backend;

    [Fact]
    public void Capability_IsTheTorchBackendItself() => Assert.Same(B, B.Capability<IConvolutionKernels>());

    [Theory]
    [InlineData("float32", 1, 1)]
    [InlineData("float64", 3, 2)]
    [InlineData("int32", 3, 1)]
    [InlineData("int64", 1, 3)]
    [InlineData("int8", 3, 2)]
    public void Correlate1d_AgreesWithManaged(string dtype, int kernelRows, long stride)
    {
        var dt = DType.Parse(dtype);
        using var managed = new ManagedBackend(threads: 1);
        const long l = 17, m = 4;
        long n = (l - m) / stride + (stride > 1 ? 0 : 1); // shorter than the longest valid output, as allowed
        var s = Values(dt, 3 * l, 1, -4, 4);
        var k = Values(dt, kernelRows * m, 2, -3, 3);
        using var ts = Make(B, dt, [3, l], s);
        using var tk = Make(B, dt, [kernelRows, m], k);
        using var to = B.Empty([3, n], dt);
        B.Capability<IConvolutionKernels>().Correlate1d(ts, tk, stride, to);
        using var ms = Make(managed, dt, [3, l], s);
        using var mk = Make(managed, dt, [kernelRows, m], k);
        using var mo = managed.Empty([3, n], dt);
        managed.Capability<IConvolutionKernels>().Correlate1d(ms, mk, stride, mo);
        AssertClose(Read(mo), Read(to), dt, $"correlate1d {dtype}", dt.IsFloat ? 1e-5 : 0);
    }

    [Theory]
    [InlineData("float64", 2, 1, 2)]
    [InlineData("float32", 1, 2, 1)]
    [InlineData("int16", 2, 2, 3)]
    public void Correlate2d_AgreesWithManaged(string dtype, int kernelRows, long sr, long sc)
    {
        var dt = DType.Parse(dtype);
        using var managed = new ManagedBackend(threads: 1);
        long h = (9 - 3) / sr + 1, w = (11 - 2) / sc + 1;
        var s = Values(dt, 2 * 9 * 11, 3, -4, 4);
        var k = Values(dt, kernelRows * 3 * 2, 4, -3, 3);
        using var ts = Make(B, dt, [2, 9, 11], s);
        using var tk = Make(B, dt, [kernelRows, 3, 2], k);
        using var to = B.Empty([2, h, w], dt);
        B.Capability<IConvolutionKernels>().Correlate2d(ts, tk, sr, sc, to);
        using var ms = Make(managed, dt, [2, 9, 11], s);
        using var mk = Make(managed, dt, [kernelRows, 3, 2], k);
        using var mo = managed.Empty([2, h, w], dt);
        managed.Capability<IConvolutionKernels>().Correlate2d(ms, mk, sr, sc, mo);
        AssertClose(Read(mo), Read(to), dt, $"correlate2d {dtype}", dt.IsFloat ? 1e-5 : 0);
    }
    [Theory]
    [InlineData(1, 1L, 101L)]
    [InlineData(2, 2L, 101L)]
    [InlineData(2, 3L, 600L)]
    public void LongSignals_AgreeWithManaged(int kernelRows, long stride, long m)
    {
        // Long enough for the Toeplitz product (1-d, up to 512 taps) or the convolution of overlapping windows as a
        // batch plus a tail (more taps, 2-d).
        using var managed = new ManagedBackend(threads: 2);
        const long l = 200_003;
        long n = (l - m) / stride + 1;
        var s = Values(DType.Float64, 2 * l, 6, -2, 2);
        var k = Values(DType.Float64, kernelRows * m, 7, -1, 1);
        double[] Of(ITensorBackend b)
        {
            using var ts = Make(b, DType.Float64, [2, l], s);
            using var tk = Make(b, DType.Float64, [kernelRows, m], k);
            using var to = b.Empty([2, n], DType.Float64);
            b.Capability<IConvolutionKernels>().Correlate1d(ts, tk, stride, to);
            return Read(to);
        }
        AssertClose(Of(managed), Of(B), DType.Float64, "blocked 1-d", 1e-12);
        const long h = 703, w = 1005;
        long oh = (h - 5) / stride + 1, ow = (w - 4) / stride + 1;
        var s2 = Values(DType.Float32, 2 * h * w, 8, -2, 2);
        var k2 = Values(DType.Float32, kernelRows * 5 * 4, 9, -1, 1);
        double[] Of2(ITensorBackend b)
        {
            using var ts = Make(b, DType.Float32, [2, h, w], s2);
            using var tk = Make(b, DType.Float32, [kernelRows, 5, 4], k2);
            using var to = b.Empty([2, oh, ow], DType.Float32);
            b.Capability<IConvolutionKernels>().Correlate2d(ts, tk, stride, stride, to);
            return Read(to);
        }
        AssertClose(Of2(managed), Of2(B), DType.Float32, "blocked 2-d", 1e-4);
    }
}
