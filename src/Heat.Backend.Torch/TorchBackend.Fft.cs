// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>The FFT capability through ATen (native/heat_torch/hts_fft.cpp): at::fft_* along one axis, on the CPU or
/// on CUDA alike.</summary>
public sealed unsafe partial class TorchBackend : IFftKernels
{
    /// <inheritdoc/>
    void IFftKernels.ComplexToComplex(LocalTensor source, LocalTensor destination, int axis, bool inverse,
        double scale)
    {
        RequireFft(source.DType.IsComplex && destination.DType == source.DType
            && source.Shape.SequenceEqual(destination.Shape), "complex source and destination of one shape and dtype",
            source, destination);
        axis = Shapes.NormalizeAxis(axis, source.NDim);
        Call("fft", v => TorchNative.hts_fft_c2c(v, v + 1, axis, inverse ? 1 : 0, scale), source, destination);
    }

    /// <inheritdoc/>
    void IFftKernels.RealToComplex(LocalTensor source, LocalTensor destination, int axis, double scale)
    {
        axis = Shapes.NormalizeAxis(axis, source.NDim);
        RequireFft(source.DType.IsFloat && destination.DType == ComplexOf(source.DType)
            && HalfSpectrum(source.Shape, destination.Shape, axis),
            "a float source and its n/2 + 1 complex destination", source, destination);
        Call("rfft", v => TorchNative.hts_fft_r2c(v, v + 1, axis, scale), source, destination);
    }

    /// <inheritdoc/>
    void IFftKernels.ComplexToReal(LocalTensor source, LocalTensor destination, int axis, double scale)
    {
        axis = Shapes.NormalizeAxis(axis, destination.NDim);
        RequireFft(destination.DType.IsFloat && source.DType == ComplexOf(destination.DType)
            && HalfSpectrum(destination.Shape, source.Shape, axis),
            "an n/2 + 1 complex source and its float destination", source, destination);
        Call("irfft", v => TorchNative.hts_fft_c2r(v, v + 1, axis, scale), source, destination);
    }

    /// <inheritdoc/>
    void IFftKernels.Twiddle(LocalTensor source, LocalTensor destination, long n, long rowOffset, long columnOffset,
        bool inverse)
    {
        RequireFft(source.NDim == 2 && source.DType.IsComplex && source.DType == destination.DType
            && source.Shape.SequenceEqual(destination.Shape), "2-d complex tensors of one shape and dtype", source,
            destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        Call("fft twiddle", v => TorchNative.hts_fft_twiddle(v, v + 1, n, rowOffset, columnOffset, inverse ? 1 : 0),
            source, destination);
    }

    /// <inheritdoc/>
    void IFftKernels.Chirp(LocalTensor source, LocalTensor destination, long n, long offset, bool inverse)
    {
        RequireFft(source.NDim == 1 && source.DType.IsComplex && source.DType == destination.DType
            && source.Shape.SequenceEqual(destination.Shape), "1-d complex tensors of one shape and dtype", source,
            destination);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        Call("fft chirp", v => TorchNative.hts_fft_chirp(v, v + 1, n, offset, inverse ? 1 : 0), source, destination);
    }

    private static bool HalfSpectrum(ReadOnlySpan<long> full, ReadOnlySpan<long> half, int axis)
    {
        if (full.Length != half.Length) return false;
        for (int d = 0; d < full.Length; d++)
            if (half[d] != (d == axis ? full[d] / 2 + 1 : full[d])) return false;
        return true;
    }

    private static DType ComplexOf(DType real) => real == DType.Float32 ? DType.Complex64 : DType.Complex128;

    private static void RequireFft(bool condition, string what, LocalTensor source, LocalTensor destination)
    {
        if (!condition)
            throw new ArgumentException($"Torch backend: the FFT kernel needs {what}; got "
                + $"{Shapes.Format(source.Shape)} {source.DType} → {Shapes.Format(destination.Shape)} "
                + $"{destination.DType}.");
    }
}
