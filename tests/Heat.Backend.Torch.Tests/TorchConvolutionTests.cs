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
}
