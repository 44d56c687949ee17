// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// The local kernels of <c>ht.signal</c> (Core pads, exchanges halos and flips the kernel): direct "valid" correlation
/// of batches of 1-d and 2-d signals. Operands and destinations are contiguous and share one dtype (float32, float64,
/// int8, int16, int32 or int64); a batch of one is the plain case.
/// </summary>
public interface IConvolutionKernels : IBackendCapability
{
    /// <summary>
    /// <c>output[b, i] = Σ_t signal[b, i·stride + t] · kernel[k, t]</c> for i &lt; n, where k is b when the kernel
    /// has
    /// one row per signal and 0 when it has one row. Shapes: signal (B × L), kernel (1 or B × M), output (B × n)
    /// with
    /// (n − 1)·stride + M ≤ L.
    /// </summary>
    void Correlate1d(LocalTensor signal, LocalTensor kernel, long stride, [Destination] LocalTensor output);

    /// <summary>
    /// <c>output[b, i, j] = Σ_{s,t} signal[b, i·strideRows + s, j·strideCols + t] · kernel[k, s, t]</c>, k as in
    /// <see cref="Correlate1d"/>. Shapes: signal (B × H × W), kernel (1 or B × Mh × Mw), output (B × h × w).
    /// </summary>
    void Correlate2d(LocalTensor signal, LocalTensor kernel, long strideRows, long strideCols,
        [Destination] LocalTensor output);
}
