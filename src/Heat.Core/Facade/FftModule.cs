// SPDX-License-Identifier: MIT
using Heat.Fft;

namespace Heat;

// HeAT: heat/fft/fft.py (the fft namespace)
public static partial class ht
{
    /// <summary>Discrete Fourier transforms: <c>ht.fft.fft</c>, <c>rfft</c>, <c>fftn</c>, <c>fftfreq</c>,
    /// <c>fftshift</c>, ...</summary>
    public static readonly FftModule fft = new();
}

/// <summary>
/// <c>ht.fft</c>, HeAT's discrete Fourier transforms (NumPy's <c>numpy.fft</c> semantics). float32 and integer input
/// compute in complex64, float64 in complex128; <c>norm</c> is "backward" (default: the inverse scales by 1/n),
/// "ortho" (both by 1/√n) or "forward" (the forward scales by 1/n).
/// </summary>
/// <remarks>
/// Results keep the input's split. Transforms along non-split axes are local; along the split axis an n-d array is
/// resplit to another axis and back (two Alltoallv); a 1-d split array uses the four-step algorithm (five exchanges of
/// n/p elements per rank, no rank holds the whole vector; prime n through Bluestein's algorithm, three such
/// transforms of a power of two ≥ 2n − 1; prime n below 64 is gathered). Local transforms are the backend's
/// <c>IFftKernels</c> (FFTW on the managed backend).
/// </remarks>
public sealed partial class FftModule
{
    internal FftModule() { }

    /// <summary>The 1-d discrete Fourier transform along <paramref name="axis"/>.</summary>
    /// <param name="x">The input (real input is promoted to complex).</param>
    /// <param name="n">Length of the transform: the input is cropped or zero-padded to it (default: its
    /// length).</param>
    /// <param name="axis">The transformed axis.</param>
    /// <param name="norm">"backward" (default), "ortho" or "forward".</param>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or n &lt; 1.</exception>
    /// <exception cref="ArgumentException">norm is not one of the three modes.</exception>
    public DNDarray fft(DNDarray x, long? n = null, int axis = -1, string? norm = null) =>
        Spectral.OneAxis(x, FftFamily.Fft, n, axis, norm);

    /// <summary>The inverse of <see cref="fft"/>.</summary>
    /// <inheritdoc cref="fft" path="/param"/>
    /// <inheritdoc cref="fft" path="/exception"/>
    public DNDarray ifft(DNDarray x, long? n = null, int axis = -1, string? norm = null) =>
        Spectral.OneAxis(x, FftFamily.Ifft, n, axis, norm);

    /// <summary>The 1-d transform of real input: the n/2 + 1 non-negative frequencies.</summary>
    /// <inheritdoc cref="fft" path="/param"/>
    /// <exception cref="ArgumentOutOfRangeException">The axis is out of range, or n &lt; 1.</exception>
    /// <exception cref="ArgumentException">x is complex, or norm is not one of the three modes.</exception>
    public DNDarray rfft(DNDarray x, long? n = null, int axis = -1, string? norm = null) =>
        Spectral.OneAxis(x, FftFamily.Rfft, n, axis, norm);

    /// <summary>The inverse of <see cref="rfft"/>: a real signal of length n from its half spectrum.</summary>
    /// <param name="x">The half spectrum (n/2 + 1 entries along the axis are used).</param>
    /// <param name="n">Length of the output (default 2(m − 1) for m input entries).</param>
    /// <param name="axis">The transformed axis.</param>
    /// <param name="norm">"backward" (default), "ortho" or "forward".</param>
    /// <inheritdoc cref="fft" path="/exception"/>
    public DNDarray irfft(DNDarray x, long? n = null, int axis = -1, string? norm = null) =>
        Spectral.OneAxis(x, FftFamily.Irfft, n, axis, norm);

    /// <summary>The transform of a Hermitian-symmetric signal given by its first half: a real spectrum of length
    /// n.</summary>
    /// <inheritdoc cref="irfft" path="/param"/>
    /// <inheritdoc cref="fft" path="/exception"/>
    public DNDarray hfft(DNDarray x, long? n = null, int axis = -1, string? norm = null) =>
        Spectral.OneAxis(x, FftFamily.Hfft, n, axis, norm);

    /// <summary>The inverse of <see cref="hfft"/>: the n/2 + 1 first entries of the inverse transform of real
    /// input.</summary>
    /// <inheritdoc cref="fft" path="/param"/>
    /// <inheritdoc cref="rfft" path="/exception"/>
    public DNDarray ihfft(DNDarray x, long? n = null, int axis = -1, string? norm = null) =>
        Spectral.OneAxis(x, FftFamily.Ihfft, n, axis, norm);
}
