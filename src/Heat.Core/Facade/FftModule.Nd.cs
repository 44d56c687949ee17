// SPDX-License-Identifier: MIT
using Heat.Fft;

namespace Heat;

// HeAT: heat/fft/fft.py (fft2, fftn and their real and Hermitian variants)
public sealed partial class FftModule
{
    private static readonly int[] LastTwo = [-2, -1];

    /// <summary>The n-d discrete Fourier transform over <paramref name="axes"/>.</summary>
    /// <param name="x">The input (real input is promoted to complex).</param>
    /// <param name="s">Lengths of the transforms, one per axis: the input is cropped or zero-padded to them.</param>
    /// <param name="axes">The transformed axes (default: the last len(s) axes, or all).</param>
    /// <param name="norm">"backward" (default), "ortho" or "forward".</param>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range, or an entry of s is below 1.</exception>
    /// <exception cref="ArgumentException">s and axes differ in length, an axis repeats, or norm is not a
    /// mode.</exception>
    public DNDarray fftn(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Fft, s, axes, norm);

    /// <summary>The inverse of <see cref="fftn"/>.</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray ifftn(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Ifft, s, axes, norm);

    /// <summary>The n-d transform of real input (half spectrum along the last axis).</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray rfftn(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Rfft, s, axes, norm);

    /// <summary>The inverse of <see cref="rfftn"/> (the last output length defaults to 2(m − 1)).</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray irfftn(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Irfft, s, axes, norm);

    /// <summary>The n-d transform of a Hermitian-symmetric signal given by its half along the last axis (real
    /// output).</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray hfftn(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Hfft, s, axes, norm);

    /// <summary>The inverse of <see cref="hfftn"/>.</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray ihfftn(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Ihfft, s, axes, norm);

    /// <summary>The 2-d discrete Fourier transform (default: the last two axes).</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray fft2(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Fft, s, axes ?? LastTwo, norm);

    /// <summary>The inverse of <see cref="fft2"/>.</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray ifft2(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Ifft, s, axes ?? LastTwo, norm);

    /// <summary>The 2-d transform of real input.</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray rfft2(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Rfft, s, axes ?? LastTwo, norm);

    /// <summary>The inverse of <see cref="rfft2"/>.</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray irfft2(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Irfft, s, axes ?? LastTwo, norm);

    /// <summary>The 2-d transform of a Hermitian-symmetric signal (real output).</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray hfft2(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Hfft, s, axes ?? LastTwo, norm);

    /// <summary>The inverse of <see cref="hfft2"/>.</summary>
    /// <inheritdoc cref="fftn" path="/param"/>
    /// <inheritdoc cref="fftn" path="/exception"/>
    public DNDarray ihfft2(DNDarray x, long[]? s = null, int[]? axes = null, string? norm = null) =>
        Spectral.ManyAxes(x, FftFamily.Ihfft, s, axes ?? LastTwo, norm);
}
