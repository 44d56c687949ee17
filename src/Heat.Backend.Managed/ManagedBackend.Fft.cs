// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Fft;

namespace Heat.Backend.Managed;

/// <summary>The FFT capability: FFTW through its guru interface (Fft/, Native/), also the host implementation other
/// backends stage to.</summary>
public sealed partial class ManagedBackend : IFftKernels
{
    /// <inheritdoc/>
    void IFftKernels.ComplexToComplex(LocalTensor source, LocalTensor destination, int axis, bool inverse,
        double scale) =>
        FftKernels.ComplexToComplex(this, source, destination, axis, inverse, scale);

    /// <inheritdoc/>
    void IFftKernels.RealToComplex(LocalTensor source, LocalTensor destination, int axis, double scale) =>
        FftKernels.RealToComplex(this, source, destination, axis, scale);

    /// <inheritdoc/>
    void IFftKernels.ComplexToReal(LocalTensor source, LocalTensor destination, int axis, double scale) =>
        FftKernels.ComplexToReal(this, source, destination, axis, scale);

    /// <inheritdoc/>
    void IFftKernels.Twiddle(LocalTensor source, LocalTensor destination, long n, long rowOffset, long columnOffset,
        bool inverse) =>
        FftKernels.Twiddle(this, source, destination, n, rowOffset, columnOffset, inverse);

    /// <inheritdoc/>
    void IFftKernels.Chirp(LocalTensor source, LocalTensor destination, long n, long offset, bool inverse) =>
        FftKernels.Chirp(this, source, destination, n, offset, inverse);
}
