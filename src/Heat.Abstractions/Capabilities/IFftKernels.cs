// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// Local discrete Fourier transforms along one axis of a tensor, batched over all other axes (Core runs the
/// distributed transforms over them). Complex operands are complex64 or complex128, real ones the matching float32 or
/// float64; operands are any views, destinations views with non-negative strides that do not overlap an operand.
/// Transforms are unnormalized and then multiplied by <c>scale</c>; the forward sign is exp(−2πi·jk/n).
/// </summary>
public interface IFftKernels : IBackendCapability
{
    /// <summary>
    /// The complex transform of <paramref name="source"/> along <paramref name="axis"/> into
    /// <paramref name="destination"/> (same shape and dtype); <paramref name="inverse"/> uses exp(+2πi·jk/n).
    /// </summary>
    void ComplexToComplex(LocalTensor source, [Destination] LocalTensor destination, int axis, bool inverse,
        double scale);

    /// <summary>
    /// The forward transform of the real <paramref name="source"/> (n along <paramref name="axis"/>) into the complex
    /// <paramref name="destination"/> (n/2 + 1 along the axis: the non-negative frequencies).
    /// </summary>
    void RealToComplex(LocalTensor source, [Destination] LocalTensor destination, int axis, double scale);

    /// <summary>
    /// The inverse transform (exp(+2πi·jk/n)) of the Hermitian half-spectrum <paramref name="source"/> (n/2 + 1 along
    /// <paramref name="axis"/>) into the real <paramref name="destination"/> (n along the axis); the imaginary parts of
    /// the zero and (even n) Nyquist frequencies are ignored.
    /// </summary>
    void ComplexToReal(LocalTensor source, [Destination] LocalTensor destination, int axis, double scale);

    /// <summary>
    /// The twiddle step of a four-step transform of length <paramref name="n"/>: for a 2-d complex
    /// <paramref name="source"/>, <c>destination[i, j] = source[i, j] · exp(∓2πi·(i + rowOffset)(j +
    /// columnOffset)/n)</c>
    /// (− forward, + when <paramref name="inverse"/>).
    /// </summary>
    void Twiddle(LocalTensor source, [Destination] LocalTensor destination, long n, long rowOffset, long columnOffset,
        bool inverse);

    /// <summary>
    /// The chirp of Bluestein's algorithm for length <paramref name="n"/>: for a 1-d complex <paramref name="source"/>,
    /// <c>destination[j] = source[j] · exp(∓πi·(j + offset)²/n)</c> (− forward, + when <paramref
    /// name="inverse"/>).
    /// </summary>
    void Chirp(LocalTensor source, [Destination] LocalTensor destination, long n, long offset, bool inverse);
}
