// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.Convolution;

namespace Heat.Backend.Managed;

/// <summary>The convolution capability: direct correlation (Convolution/), also the host implementation other backends
/// stage to.</summary>
public sealed partial class ManagedBackend : IConvolutionKernels
{
    /// <inheritdoc/>
    void IConvolutionKernels.Correlate1d(LocalTensor signal, LocalTensor kernel, long stride, LocalTensor output) =>
        DirectCorrelation.Run1d(this, signal, kernel, stride, output);

    /// <inheritdoc/>
    void IConvolutionKernels.Correlate2d(LocalTensor signal, LocalTensor kernel, long strideRows, long strideCols,
        LocalTensor output)
        => DirectCorrelation.Run2d(this, signal, kernel, strideRows, strideCols, output);
}
